package io.jdisco.local.internal.workers;

import io.jdisco.worker.core.SessionLoop;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The idle reused worker processes of one job (the {@code REUSED_PROCESSES} mode): each is the
 * job's own {@code bin/worker}, started as {@link WorkerProcess} starts a worker (cwd = job home,
 * the worker environment, {@code nice}), plus {@code JDISCO_WORKER_REUSE=1}, which makes jdisco's
 * {@code WorkerMain} a {@link SessionLoop}. There are never more processes than the node's slots.
 * The first task of the job starts them all ({@link #prestart}): a host waits for its first
 * {@code JD_NEXT} with its JVM up, so a later stage (the reduces after a single map task, say)
 * does not wait for a JVM to start. Closed when the job ends: the idle processes are killed, and
 * those still running a session are killed when it ends.
 */
final class WorkerPool implements AutoCloseable {
    private final JobSetup job;
    private final boolean nice;
    private final Deque<Process> idle = new ArrayDeque<>();
    private boolean closed;

    /** An empty pool for {@code job}'s workers, started under {@code nice} when asked. */
    WorkerPool(JobSetup job, boolean nice) {
        this.job = job;
        this.nice = nice;
    }

    /**
     * Starts {@code count} worker processes and keeps them idle, waiting for their first session.
     *
     * @throws IOException when a process cannot be started (the ones started stay in the pool)
     */
    synchronized void prestart(int count) throws IOException {
        for (int i = 0; i < count && !closed; i++) {
            idle.addLast(WorkerProcess.start(job, nice, Map.of(SessionLoop.VARIABLE, "1")));
        }
    }

    /** The processes idle now (started and not running a session). */
    synchronized int idleCount() {
        return idle.size();
    }

    /** Starts a session on an idle process, or on a new one when none is idle (or the idle ones died). */
    WorkerHandle start() throws IOException {
        while (true) {
            Process p = takeIdle();
            if (p == null) {
                Process fresh = WorkerProcess.start(job, nice, Map.of(SessionLoop.VARIABLE, "1"));
                try {
                    return ReusedWorker.begin(this, fresh);
                } catch (IOException e) {
                    WorkerProcess.kill(fresh, -1);
                    throw e;
                }
            }
            try {
                return ReusedWorker.begin(this, p);
            } catch (IOException e) {
                WorkerProcess.kill(p, -1);
            }
        }
    }

    private synchronized Process takeIdle() throws IOException {
        if (closed) {
            throw new IOException("the workers of job " + job.name() + " are closed");
        }
        while (!idle.isEmpty()) {
            Process p = idle.pop();
            if (p.isAlive()) {
                return p;
            }
        }
        return null;
    }

    /** A process whose session ended with {@code DONE}; killed if the pool is closed or it died. */
    void giveBack(Process p) {
        synchronized (this) {
            if (!closed && p.isAlive()) {
                idle.push(p);
                return;
            }
        }
        WorkerProcess.kill(p, -1);
    }

    /** Kills the idle processes; later {@link #giveBack}s kill theirs. */
    @Override
    public void close() {
        List<Process> victims;
        synchronized (this) {
            closed = true;
            victims = new ArrayList<>(idle);
            idle.clear();
        }
        for (Process p : victims) {
            WorkerProcess.kill(p, -1);
        }
    }
}
