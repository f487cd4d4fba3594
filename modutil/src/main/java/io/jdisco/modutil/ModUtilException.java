package io.jdisco.modutil;

import io.jdisco.worker.DiscoException;

/**
 * A class a job function needs cannot be found or read on the client: the Java form of Disco's
 * {@code ModUtilImportError}.
 *
 * <p>It is raised at submission time, on the client, because there the user can still fix the
 * class path or the exclusions; on a node the same problem would only surface as a
 * {@code NoClassDefFoundError} in the middle of a task. The message names the function and the
 * missing class (and the class that referenced it).
 */
public class ModUtilException extends DiscoException {
    private static final long serialVersionUID = 1L;

    private final String missingClass;

    /** A failure that is not about one missing class (an unreadable or malformed class file). */
    public ModUtilException(String message, Throwable cause) {
        super(message, cause);
        this.missingClass = null;
    }

    private ModUtilException(String message, String missingClass) {
        super(message);
        this.missingClass = missingClass;
    }

    /**
     * Class {@code missingClass}, referenced by {@code referencedBy}, cannot be found for
     * {@code function} (a description of the job function, e.g. its {@code toString}).
     */
    public static ModUtilException missingClass(String function, String missingClass,
            String referencedBy) {
        return new ModUtilException("Could not find class " + missingClass
                + (referencedBy == null ? "" : " (referenced by " + referencedBy + ")")
                + " needed by " + function + ". Maybe it is a typo, or it is not on the class"
                + " path of the client; add it to the class path, or exclude it and name it"
                + " in required_modules if the nodes have it.", missingClass);
    }

    /** The binary name of the class that could not be found, or {@code null}. */
    public String missingClass() {
        return missingClass;
    }
}
