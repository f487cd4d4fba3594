package io.jdisco.worker.fn;

import io.jdisco.worker.Params;

/**
 * What a typed job function sees of the task running it: the job's {@link Params}, named counters
 * and status lines. One per task; not shared between threads.
 *
 * <p>Counters are {@code long}s named by the job ({@code context.count("bad records")}). Each
 * task's totals reach the client when the task ends with success; a failed or retried attempt's
 * counts are dropped, so a job's totals count every input once (see
 * {@code RunningJob.counters()}).
 */
public interface JobContext {
    /** The job's parameters (each task has its own copy). */
    Params params();

    /**
     * Adds {@code delta} to counter {@code name}.
     *
     * @throws IllegalArgumentException when the name is empty, longer than 200 characters or
     *     holds a control character, or when a task uses more than 1,000 counters
     */
    void count(String name, long delta);

    /** Adds one to counter {@code name}; see {@link #count(String, long)}. */
    default void count(String name) {
        count(name, 1);
    }

    /** Sends a status line to the master (it becomes a {@code MSG} event; throttled, never dropped). */
    void status(String text);
}
