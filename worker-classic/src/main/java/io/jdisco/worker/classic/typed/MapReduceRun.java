package io.jdisco.worker.classic.typed;

import io.jdisco.worker.core.client.JobCounters;
import io.jdisco.worker.core.client.RunningJob;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A typed job the master accepted: wait for it, read its typed results, read its counters.
 * Thread-safe; holds the job's name and master and its result codecs.
 *
 * @param <K> the result key type
 * @param <V> the result value type
 */
public final class MapReduceRun<K, V> {
    private final RunningJob job;
    private final Codec<K> keys;
    private final Codec<V> values;

    /** The run of {@code job}, whose results {@code keys} and {@code values} decode. */
    public MapReduceRun(RunningJob job, Codec<K> keys, Codec<V> values) {
        this.job = Objects.requireNonNull(job, "job");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.values = Objects.requireNonNull(values, "values");
    }

    /** The master-assigned name, e.g. {@code WordCount@5a2:1b3c4:9d2e1}. */
    public String name() {
        return job.name();
    }

    /** The untyped handle: job info, events, kill, purge. */
    public RunningJob job() {
        return job;
    }

    /**
     * Waits until the job ends and returns its result URLs.
     *
     * @throws io.jdisco.worker.JobException when the job dies, with the failing task's text
     */
    public List<List<String>> waitFor() throws IOException, InterruptedException {
        return job.waitFor();
    }

    /**
     * Waits for the job, then gives its results: a for-each loop reads them as typed pairs;
     * close the results (try-with-resources) if the loop may stop early.
     */
    public Results<K, V> results() throws IOException, InterruptedException {
        return new Results<>(job.waitFor(), job.clientContext(), keys, values);
    }

    /** The totals of the counters the job's functions incremented, over its finished tasks. */
    public JobCounters counters() throws IOException, InterruptedException {
        return job.counters();
    }

    @Override
    public String toString() {
        return "MapReduceRun[" + job.name() + "]";
    }
}
