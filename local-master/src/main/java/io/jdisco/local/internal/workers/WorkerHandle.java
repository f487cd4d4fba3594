package io.jdisco.local.internal.workers;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A started worker as a session ({@code session.MasterSession}) sees it: the stream of its
 * protocol bytes (a process's merged stdout and stderr), the stream of the master's replies (its
 * stdin), a way to kill it, and how it ended. A process ({@link ProcessWorker}) or a thread of this JVM
 * ({@link ThreadWorker}); the session treats both alike.
 */
public interface WorkerHandle {
    /** The worker's protocol bytes; end of stream when it ended or was killed. */
    InputStream fromWorker();

    /** Where the master's replies go. */
    OutputStream toWorker();

    /**
     * Kills the worker (SPEC §1.3), idempotently; {@code announcedPid} is the pid of its
     * {@code WORKER} message, or -1, and is used only where it names a process of this worker.
     */
    void kill(long announcedPid);

    /**
     * Ends the worker after its session: {@code done} when the attempt ended with {@code DONE} and
     * was not stopped. A worker runs one task and is killed (SPEC §1.3); a reused worker process
     * ({@link ReusedWorker}) goes back to its job's pool after {@code DONE}.
     */
    default void end(boolean done, long announcedPid) {
        kill(announcedPid);
    }

    /**
     * After its output ended without a last message: waits briefly for the worker to end and says
     * how it ended, for {@code Worker crashed! (<status>)}.
     */
    String exitStatus();
}
