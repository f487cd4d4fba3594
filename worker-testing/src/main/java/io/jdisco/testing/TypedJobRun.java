package io.jdisco.testing;

import io.jdisco.worker.DataException;
import io.jdisco.worker.KeyValue;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.typed.Codec;
import io.jdisco.worker.classic.typed.Codecs;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A typed job run in memory by {@link MapReduceTester}: its results decoded by the job's codecs,
 * its counters, and the untyped {@link JobRun} for the stages and outputs.
 *
 * @param <K> the result key type
 * @param <V> the result value type
 */
public final class TypedJobRun<K, V> {
    private final JobRun run;
    private final Codec<K> keys;
    private final Codec<V> values;

    TypedJobRun(JobRun run, Codec<K> keys, Codec<V> values) {
        this.run = run;
        this.keys = keys;
        this.values = values;
    }

    /** The results as typed pairs, by label then task, as {@link JobRun#results()}. */
    public List<KeyValue<K, V>> results() {
        List<KeyValue<K, V>> out = new ArrayList<>();
        for (Tuple t : run.results()) {
            try {
                out.add(Codecs.decodePair(t, keys, values));
            } catch (DataException e) {
                throw new UncheckedIOException("result " + t + " does not decode", e);
            }
        }
        return out;
    }

    /** The totals of the counters every task incremented, by name (sorted). */
    public Map<String, Long> counters() {
        return run.counters();
    }

    /** The untyped run: tasks, stages, outputs, status messages. */
    public JobRun raw() {
        return run;
    }

    @Override
    public String toString() {
        return "TypedJobRun[" + run + "]";
    }
}
