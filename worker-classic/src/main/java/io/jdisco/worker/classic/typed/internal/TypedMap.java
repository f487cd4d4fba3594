package io.jdisco.worker.classic.typed.internal;

import io.jdisco.worker.classic.internal.function.ContextualFunctions;
import io.jdisco.worker.classic.internal.function.MapCall;
import io.jdisco.worker.classic.typed.Codec;
import io.jdisco.worker.classic.typed.InputFormat;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.Emitter;
import io.jdisco.worker.fn.JobContext;
import io.jdisco.worker.fn.Mapper;
import java.io.IOException;
import java.util.Objects;

/**
 * A typed {@link Mapper} as the classic worker's {@code map} parameter: each entry the input
 * chain yields is decoded by the {@link InputFormat}, and each pair the mapper collects is encoded
 * by the key and value codecs into the record the rest of the task (partition, combiner, output)
 * handles as any other.
 *
 * @param <I> the input record type
 * @param <K> the key type
 * @param <V> the value type
 */
public final class TypedMap<I, K, V> implements ContextualFunctions.Map {
    private static final long serialVersionUID = 1L;

    private final InputFormat<I> input;
    private final Codec<K> keys;
    private final Codec<V> values;
    private final Mapper<I, K, V> mapper;

    /** The map of {@code mapper} reading {@code input} and writing through {@code keys} and {@code values}. */
    public TypedMap(InputFormat<I> input, Codec<K> keys, Codec<V> values, Mapper<I, K, V> mapper) {
        this.input = Objects.requireNonNull(input, "input");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.values = Objects.requireNonNull(values, "values");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public MapCall bind(JobContext context) {
        Objects.requireNonNull(context, "context");
        return new MapCall() {
            @Override
            public void map(Object entry, Emitter out) throws IOException {
                mapper.map(input.decode(entry), Collectors.of(out, keys, values), context);
            }

            @Override
            public EntryMap into(Emitter out) {
                return new Bound<>(input, mapper, Collectors.of(out, keys, values), context);
            }
        };
    }

    /** The map of a task: its collector made once, for the task's emitter. */
    private static final class Bound<I, K, V> implements MapCall.EntryMap {
        private final InputFormat<I> input;
        private final Mapper<I, K, V> mapper;
        private final Collector<K, V> collector;
        private final JobContext context;

        Bound(InputFormat<I> input, Mapper<I, K, V> mapper, Collector<K, V> collector, JobContext context) {
            this.input = input;
            this.mapper = mapper;
            this.collector = collector;
            this.context = context;
        }

        @Override
        public void map(Object entry) throws IOException {
            mapper.map(input.decode(entry), collector, context);
        }
    }

    @Override
    public String toString() {
        return "typed map " + mapper.getClass().getName() + " of " + input;
    }
}
