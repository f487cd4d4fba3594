package io.jdisco.worker.core.jobhome;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names libraries a worker base class needs on the node beyond worker-core's own runtime, by one
 * class of each: the job home of a worker of the annotated class, or of any subclass, carries the
 * jar each named class was loaded from ({@link RuntimeClasspath}). So a library only one worker
 * family uses (the classic worker's JSON object mapper, say) is not shipped with every job. A name
 * the client cannot load is skipped: the client could not have used it either.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuntimeLibraries {
    /** Fully qualified names of one class of each library. */
    String[] value();
}
