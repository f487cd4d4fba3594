package io.jdisco.worker.classic.typed;

import io.jdisco.worker.Params;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.typed.internal.TypedCombiner;
import io.jdisco.worker.classic.typed.internal.TypedMap;
import io.jdisco.worker.classic.typed.internal.TypedReduce;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.fn.Mapper;
import io.jdisco.worker.fn.Reducer;
import io.jdisco.worker.fn.ValueCombiner;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A map/reduce job whose keys and values have Java types, from the map to the results:
 *
 * <pre>{@code
 * MapReduceJob<String, Long> job = MapReduceJob.named("WordCount")
 *         .input("file:///data/book.txt")
 *         .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
 *             context.count("lines");
 *             for (String word : line.split("\\s+")) {
 *                 if (!word.isEmpty()) out.collect(word, 1L);
 *             }
 *         })
 *         .combine(Combiners.sumLongs())
 *         .reduce(String.class, Long.class, (word, counts, out, context) -> {
 *             long n = 0;
 *             for (long c : counts) n += c;
 *             out.collect(word, n);
 *         })
 *         .build();
 * try (Results<String, Long> results = job.run(disco).results()) {
 *     for (KeyValue<String, Long> r : results) System.out.println(r.key() + "\t" + r.value());
 * }
 * }</pre>
 *
 * <p>It runs on the classic worker, as a {@link ClassicJob} with typed adapters for its functions:
 * records on the wire and on disk are Disco's, pickled as {@link Codecs} says, so Python Disco
 * reads the results of a job whose types are pickle types. A type no codec fits is refused when the
 * job is built, naming it. The reduce is called once per key with all of that key's values: the
 * job sorts its reduce input. The partition is the default MD5 one, which takes any key.
 *
 * @param <K> the key type of the results
 * @param <V> the value type of the results
 */
public final class MapReduceJob<K, V> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ClassicJob job;
    private final Codec<K> keys;
    private final Codec<V> values;

    private MapReduceJob(ClassicJob job, Codec<K> keys, Codec<V> values) {
        this.job = job;
        this.keys = keys;
        this.values = values;
    }

    /** A builder for a job named {@code name} (the jobdict's {@code prefix}). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The job's name. */
    public String name() {
        return job.name();
    }

    /** The classic job that runs it (its worker and Disco parameters). */
    public ClassicJob classicJob() {
        return job;
    }

    /** The codec of the result keys. */
    public Codec<K> keyCodec() {
        return keys;
    }

    /** The codec of the result values. */
    public Codec<V> valueCodec() {
        return values;
    }

    /** Submits the job to {@code disco}'s master. */
    public MapReduceRun<K, V> run(Disco disco) throws IOException, InterruptedException {
        return run(disco, Map.of());
    }

    /** Submits the job with {@code jobargs} overriding its Disco parameters by name. */
    public MapReduceRun<K, V> run(Disco disco, Map<String, ?> jobargs) throws IOException, InterruptedException {
        return new MapReduceRun<>(job.run(disco, jobargs), keys, values);
    }

    @Override
    public String toString() {
        return "MapReduceJob[" + name() + ", " + keys.type().getSimpleName() + " -> " + values.type().getSimpleName()
                + "]";
    }

    /** The job's name, inputs and settings, before its map. */
    public static final class Builder {
        private final ClassicJob.Builder classic;

        private Builder(String name) {
            this.classic = ClassicJob.builder(name);
        }

        /** The input URLs (each one input; a file path needs {@code file://}). */
        public Builder input(String... urls) {
            classic.input(urls);
            return this;
        }

        /** The inputs: URLs, or lists of replica URLs of one input. */
        public Builder input(List<?> inputs) {
            classic.input(inputs);
            return this;
        }

        /** Parameters every function sees through {@link io.jdisco.worker.fn.JobContext#params()}. */
        public Builder params(Params params) {
            classic.params(params);
            return this;
        }

        /** How many partitions the map writes (default 1); each is one reduce task. */
        public Builder partitions(int n) {
            classic.partitions(checkPartitions(n));
            return this;
        }

        /** Any Disco parameter of the classic worker by its name (see worker-classic's README). */
        public Builder set(String key, Object value) {
            classic.set(key, value);
            return this;
        }

        /**
         * The map: reads records of {@code input} and writes pairs of {@code keyType} and
         * {@code valueType}.
         *
         * @throws IllegalArgumentException naming the type when no codec fits it
         */
        public <I, MK, MV> Mapped<MK, MV> map(InputFormat<I> input, Class<MK> keyType, Class<MV> valueType,
                Mapper<I, MK, MV> mapper) {
            return map(input, codec(keyType, "the map's key"), codec(valueType, "the map's value"), mapper);
        }

        /** The map, with the codecs of its keys and values given. */
        public <I, MK, MV> Mapped<MK, MV> map(InputFormat<I> input, Codec<MK> keys, Codec<MV> values,
                Mapper<I, MK, MV> mapper) {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(mapper, "mapper");
            classic.mapReader(input.reader());
            classic.set("map", new TypedMap<>(input, keys, values, mapper));
            return new Mapped<>(classic, keys, values);
        }
    }

    /**
     * A job with its map: add a combiner and a reduce, or build it as a map-only job, whose
     * results are the map's pairs.
     *
     * @param <MK> the map's key type
     * @param <MV> the map's value type
     */
    public static final class Mapped<MK, MV> {
        private final ClassicJob.Builder classic;
        private final Codec<MK> keys;
        private final Codec<MV> values;

        private Mapped(ClassicJob.Builder classic, Codec<MK> keys, Codec<MV> values) {
            this.classic = classic;
            this.keys = keys;
            this.values = values;
        }

        /** How many partitions the map writes (default 1); each is one reduce task. */
        public Mapped<MK, MV> partitions(int n) {
            classic.partitions(checkPartitions(n));
            return this;
        }

        /** Merges the values of each key inside each map task (see {@link ValueCombiner}). */
        public Mapped<MK, MV> combine(ValueCombiner<MV> combiner) {
            Objects.requireNonNull(combiner, "combiner");
            if (combiner == Combiners.sumLongs() && values.type() == Long.class) {
                classic.combiner(ClassicFunctions.sumCombiner());
            } else {
                classic.combiner(new TypedCombiner<>(values, combiner));
            }
            return this;
        }

        /**
         * The reduce: called once per key, in key order, with the key's values; writes pairs of
         * {@code keyType} and {@code valueType}.
         *
         * @throws IllegalArgumentException naming the type when no codec fits it
         */
        public <RK, RV> Reduced<RK, RV> reduce(Class<RK> keyType, Class<RV> valueType, Reducer<MK, MV, RK, RV> reducer) {
            return reduce(codec(keyType, "the reduce's key"), codec(valueType, "the reduce's value"), reducer);
        }

        /** The reduce, with the codecs of its keys and values given. */
        public <RK, RV> Reduced<RK, RV> reduce(Codec<RK> outKeys, Codec<RV> outValues, Reducer<MK, MV, RK, RV> reducer) {
            Objects.requireNonNull(reducer, "reducer");
            classic.sort(true);
            classic.set("reduce", new TypedReduce<>(keys, values, outKeys, outValues, reducer));
            return new Reduced<>(classic, outKeys, outValues);
        }

        /**
         * A reduce writing the map's key and value types: results have the map's codecs.
         * {@link Reducers#sumLongs()} here runs the built-in {@code sum_reduce} (no sort; results
         * in no particular key order).
         */
        public Reduced<MK, MV> reduce(Reducer<MK, MV, MK, MV> reducer) {
            Objects.requireNonNull(reducer, "reducer");
            if (reducer == (Object) Reducers.sumLongs() && values.type() == Long.class) {
                classic.reduce(ClassicFunctions.sumReduce());
                return new Reduced<>(classic, keys, values);
            }
            return reduce(keys, values, reducer);
        }

        /** The map-only job: its results are the map's pairs, one set per partition. */
        public MapReduceJob<MK, MV> build() {
            return new MapReduceJob<>(classic.build(), keys, values);
        }
    }

    /**
     * A job with its map and reduce.
     *
     * @param <RK> the result key type
     * @param <RV> the result value type
     */
    public static final class Reduced<RK, RV> {
        private final ClassicJob.Builder classic;
        private final Codec<RK> keys;
        private final Codec<RV> values;

        private Reduced(ClassicJob.Builder classic, Codec<RK> keys, Codec<RV> values) {
            this.classic = classic;
            this.keys = keys;
            this.values = values;
        }

        /** The job. */
        public MapReduceJob<RK, RV> build() {
            return new MapReduceJob<>(classic.build(), keys, values);
        }
    }

    private static int checkPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a typed job has at least 1 partition, got " + n);
        }
        return n;
    }

    private static <T> Codec<T> codec(Class<T> type, String what) {
        try {
            return Codecs.of(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " type: " + e.getMessage(), e);
        }
    }
}
