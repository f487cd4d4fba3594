package io.jdisco.local.internal.coordination;

import io.jdisco.local.internal.jobs.JobRecord;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.pipeline.TaskRun;
import io.jdisco.local.internal.session.AttemptOutcome;
import io.jdisco.local.internal.session.MasterSession;
import io.jdisco.local.internal.workers.JobSetup;
import io.jdisco.local.internal.workers.JobWorkers;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One attempt of one task, run on a thread of the master's job pool with a worker slot its
 * coordinator took for it: the attempt's {@link MasterSession}, then the slot is released and the
 * coordinator told how it ended — its outcome, or the {@link Throwable} (an {@link Error} too)
 * that ended the thread, so that no failure is lost in a pool's future nobody reads.
 */
final class TaskAttempt implements Runnable {
    /**
     * Tests only: called on the attempt's thread before its session starts, where it may throw
     * what a failing master would (an {@link Error}); null in a running master.
     */
    static volatile Consumer<TaskAttempt> testFault;

    private final NodeContext node;
    private final JobRecord job;
    private final TaskRun task;
    private final int number;
    private final Semaphore slots;
    private final Set<TaskAttempt> running;
    private final BiConsumer<AttemptOutcome, Throwable> onEnd;
    private final MasterSession session;
    private Thread runner;
    private String stopReason;

    /**
     * Attempt {@code number} (from 1) of {@code task}, whose worker {@code workers} starts; it is
     * in {@code running} until it ends, then releases one of {@code slots} and calls {@code onEnd}
     * with its outcome or with what ended its thread.
     */
    TaskAttempt(NodeContext node, JobSetup setup, JobWorkers workers, JobRecord job, TaskRun task, int number,
            Semaphore slots, Set<TaskAttempt> running, BiConsumer<AttemptOutcome, Throwable> onEnd) {
        this.node = Objects.requireNonNull(node, "node");
        this.job = Objects.requireNonNull(job, "job");
        this.task = Objects.requireNonNull(task, "task");
        this.number = number;
        this.slots = Objects.requireNonNull(slots, "slots");
        this.running = Objects.requireNonNull(running, "running");
        this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
        this.session = new MasterSession(node, setup, task, workers);
    }

    @Override
    public void run() {
        boolean stopped;
        synchronized (this) {
            runner = Thread.currentThread();
            stopped = stopReason != null;
        }
        AttemptOutcome outcome = null;
        Throwable error = null;
        try {
            job.running(task.stage(), 1);
            try {
                Consumer<TaskAttempt> fault = testFault;
                if (fault != null) {
                    fault.accept(this);
                }
                if (!stopped) {
                    job.events().task(node.layout().host(), "SYS", task.stage(), task.taskid(),
                            "Task started (attempt " + number + ")");
                }
                outcome = session.run();
            } finally {
                job.running(task.stage(), -1);
            }
        } catch (Throwable t) {
            error = t;
        } finally {
            synchronized (this) {
                runner = null;
            }
            Thread.interrupted(); // a stop's interrupt must not reach the pool thread's next task
            running.remove(this);
            slots.release();
            onEnd.accept(outcome, error);
        }
    }

    /** Stops the attempt (its job is dying): its worker is killed and its thread interrupted. */
    synchronized void stop(String reason) {
        stopReason = reason;
        session.stop(reason);
        if (runner != null) {
            runner.interrupt();
        }
    }

    /** The name of the attempt's job. */
    String jobName() {
        return job.name();
    }

    @Override
    public String toString() {
        return "attempt " + number + " of task " + task.id() + " of " + job.name();
    }
}
