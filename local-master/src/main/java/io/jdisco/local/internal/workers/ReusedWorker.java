package io.jdisco.local.internal.workers;

import io.jdisco.worker.core.SessionLoop;
import io.jdisco.worker.core.protocol.pipe.KeepOpenOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One session of a reused worker process ({@link SessionLoop} on the worker's side, {@link WorkerPool}
 * on the master's): the master writes {@code JD_NEXT 2 ""} to the host's stdin and then speaks the
 * ordinary protocol over the same pipes. After {@code DONE} the process goes back to the pool; any
 * other end kills it with its descendants, as a one-task worker is killed.
 *
 * <p>A handle serves one session: once it has ended, a late kill (a timer firing as the session
 * ends) leaves the process alone, since it may already be running the job's next task.
 */
final class ReusedWorker implements WorkerHandle {
    private final WorkerPool pool;
    private final Process process;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final OutputStream toWorker;

    private ReusedWorker(WorkerPool pool, Process process) {
        this.pool = pool;
        this.process = process;
        this.toWorker = new KeepOpenOutputStream(process.getOutputStream());
    }

    /** Starts the next session on {@code process}, an idle host or a new one. */
    static ReusedWorker begin(WorkerPool pool, Process process) throws IOException {
        ReusedWorker w = new ReusedWorker(pool, process);
        OutputStream stdin = process.getOutputStream();
        stdin.write(SessionLoop.NEXT_TASK_FRAME.encode());
        stdin.flush();
        return w;
    }

    @Override
    public InputStream fromWorker() {
        return process.getInputStream();
    }

    @Override
    public OutputStream toWorker() {
        return toWorker;
    }

    @Override
    public void kill(long announcedPid) {
        if (!ended.get()) {
            WorkerProcess.kill(process, announcedPid);
        }
    }

    /** After {@code DONE}: back to the pool; otherwise the process is killed. */
    @Override
    public void end(boolean done, long announcedPid) {
        if (!done) {
            kill(announcedPid);
        }
        if (ended.compareAndSet(false, true) && done) {
            pool.giveBack(process);
        }
    }

    /** {@code exit code: N}; a process still alive after 2 s is killed, -1 if it will not die. */
    @Override
    public String exitStatus() {
        return WorkerProcess.exitStatus(process);
    }

    @Override
    public String toString() {
        return "reused worker process " + process.pid();
    }
}
