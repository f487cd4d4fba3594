package io.jdisco.worker.core.jobhome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The class data sharing archive of this JVM, offered to the worker JVMs of a job whose runtime
 * is {@linkplain WorkerJobHome.Runtime#LOCAL local}: {@code bin/jdisco} runs the client with a
 * dynamic AppCDS archive of the shaded jar's classes, and a worker started with that jar first on
 * its class path can map the same archive instead of loading and verifying some 1,500 classes
 * from the jar: a tiny word count on four worker processes took 1.12 → 0.82 s, CPU 1.74 →
 * 1.25 s (10 pairs, bench/README.md).
 *
 * <p>The launcher names its archive in the system property {@value #PROPERTY} as well as in
 * {@code -XX:SharedArchiveFile}: asking the JVM for its options through the management beans
 * loads some 50 classes (9 ms in a class-load log of the tiny word count), also on threads,
 * where no worker JVM starts. The archive is offered only when a worker JVM would accept it: one
 * archive file (not a {@code base:top} pair) at an absolute path, and the archive's class path
 * (this JVM's {@code java.class.path}, which it was recorded with) the start of the worker's. A
 * worker on another JDK rejects it by itself, with a warning in its log, and runs as without it.
 */
public final class ClassArchive {
    /** The system property that names this JVM's class archive: {@value}. */
    public static final String PROPERTY = "jdisco.classArchive";

    private ClassArchive() {
    }

    /**
     * This JVM's archive ({@value #PROPERTY}), when a worker JVM with class path
     * {@code workerClassPath} can use it: see the class comment.
     */
    public static Optional<String> forWorkerClassPath(String workerClassPath) {
        Objects.requireNonNull(workerClassPath, "workerClassPath");
        return usable(System.getProperty(PROPERTY), System.getProperty("java.class.path", ""), workerClassPath);
    }

    /**
     * {@code archive}, recorded with class path {@code archiveClassPath}, when a worker with class
     * path {@code workerClassPath} can map it and the launcher can name it.
     */
    static Optional<String> usable(String archive, String archiveClassPath, String workerClassPath) {
        if (archive == null || archive.isEmpty() || !archive.startsWith("/") || !WorkerLauncher.PATH.matcher(archive).matches()
                || !Files.isRegularFile(Path.of(archive)) || archiveClassPath.isEmpty()) {
            return Optional.empty();
        }
        boolean prefix = workerClassPath.equals(archiveClassPath)
                || workerClassPath.startsWith(archiveClassPath + ":");
        return prefix ? Optional.of(archive) : Optional.empty();
    }
}
