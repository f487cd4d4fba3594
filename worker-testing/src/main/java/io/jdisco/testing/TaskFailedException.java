package io.jdisco.testing;

import io.jdisco.worker.core.WorkerSession;

/**
 * A task of a job run in memory failed. {@link #isRetryable()} tells what the real worker would
 * have sent: {@code ERROR} (the master retries the task) or {@code FATAL} (the job dies); the
 * cause is the exception the task threw.
 */
public final class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stage;
    private final int taskid;

    /** Task {@code taskid} of {@code stage} failed with {@code cause}. */
    public TaskFailedException(String stage, int taskid, Throwable cause) {
        super(stage + " task " + taskid + " failed (" + (WorkerSession.isRetryable(cause) ? "ERROR" : "FATAL") + "): "
                + cause, cause);
        this.stage = stage;
        this.taskid = taskid;
    }

    /** The stage of the failed task. */
    public String stage() {
        return stage;
    }

    /** The task id. */
    public int taskid() {
        return taskid;
    }

    /** True when the worker would send {@code ERROR} (a retry may cure it), false for {@code FATAL}. */
    public boolean isRetryable() {
        return WorkerSession.isRetryable(getCause());
    }
}
