package io.jdisco.worker.classic;

import io.jdisco.taskio.OutputChain;
import io.jdisco.worker.Params;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.Job;
import io.jdisco.worker.core.client.RunningJob;
import io.jdisco.worker.fn.CombinerFunction;
import io.jdisco.worker.fn.EmittingMapFunction;
import io.jdisco.worker.fn.InitFunction;
import io.jdisco.worker.fn.MapFunction;
import io.jdisco.worker.fn.PartitionFunction;
import io.jdisco.worker.fn.ReduceFunction;
import io.jdisco.worker.fn.ReturningReduceFunction;
import io.jdisco.worker.io.InputStage;
import io.jdisco.worker.io.ReaderStage;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classic job: a name and a {@link ClassicWorker} holding its parameters. Built with
 * {@link #builder}:
 *
 * <pre>{@code
 * ClassicJob job = ClassicJob.builder("wordcount")
 *         .input("http://example.com/text")
 *         .map((Bytes line, Params p) -> words(line))
 *         .reduce((entries, out, p) -> { ... out.emit(word, count); })
 *         .combiner(ClassicFunctions.sumCombiner())
 *         .partitions(4)
 *         .sort(true)
 *         .build();
 * }</pre>
 *
 * Each method sets the seed parameter named in its Javadoc (SPEC §5.1). Immutable once built
 * (the builder copies its values into a fresh worker).
 */
public final class ClassicJob implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ClassicWorker worker;

    private ClassicJob(String name, ClassicWorker worker) {
        this.name = name;
        this.worker = worker;
    }

    /** A builder for a job named {@code name} (the jobdict's {@code prefix}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The job's name. */
    public String name() {
        return name;
    }

    /** The worker holding the job's parameters; ship it to run the job. */
    public ClassicWorker worker() {
        return worker;
    }

    /**
     * Submits this job to {@code disco}'s master (a Disco master or a local master), named after
     * the job: the shortcut of {@code Job.of(worker()).named(name()).run(disco, jobargs)}.
     *
     * @param jobargs job arguments, overriding the job's parameters by their Disco names
     * @throws io.jdisco.worker.DiscoException when the master refuses the job, with its text
     */
    public RunningJob run(Disco disco, Map<String, ?> jobargs) throws IOException, InterruptedException {
        Objects.requireNonNull(disco, "disco");
        Objects.requireNonNull(jobargs, "jobargs");
        return Job.of(worker).named(name).run(disco, jobargs);
    }

    /** Submits this job with no job arguments; see {@link #run(Disco, Map)}. */
    public RunningJob run(Disco disco) throws IOException, InterruptedException {
        return run(disco, Map.of());
    }

    @Override
    public String toString() {
        return "ClassicJob[" + name + ", " + worker + "]";
    }

    /** Fills the parameters of a {@link ClassicJob}; every setter returns this builder. */
    public static final class Builder {
        private final String name;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a job needs a non-empty name");
            }
            values.put("name", name);
        }

        /** {@code input}: the job's input URLs (each one input). */
        public Builder input(String... urls) {
            values.put("input", new ArrayList<>(Arrays.asList(urls)));
            return this;
        }

        /** {@code input}: URLs, or lists of replica URLs of one input. */
        public Builder input(List<?> inputs) {
            values.put("input", new ArrayList<>(Objects.requireNonNull(inputs, "inputs")));
            return this;
        }

        /** {@code map}: a map returning its pairs. */
        public <I> Builder map(MapFunction<I> map) {
            return set("map", Objects.requireNonNull(map, "map"));
        }

        /** {@code map}: a map emitting its pairs. */
        public <I> Builder map(EmittingMapFunction<I> map) {
            return set("map", Objects.requireNonNull(map, "map"));
        }

        /** {@code map_init}: called once with the map's entry iterator before the loop. */
        public <I> Builder mapInit(InitFunction<I> init) {
            return set("map_init", init);
        }

        /** {@code map_reader}: the reader ending the map input chain; {@code null} = lines as Bytes. */
        public Builder mapReader(ReaderStage<?> reader) {
            return set("map_reader", reader);
        }

        /** {@code map_input_stream}: the byte stages of the map input chain (default {@code task_input_stream}). */
        public Builder mapInputStream(InputStage... stages) {
            return set("map_input_stream", List.of(stages));
        }

        /** {@code map_output_stream}: the map output chain (default atomic file + internal format). */
        public Builder mapOutputStream(OutputChain chain) {
            return set("map_output_stream", Objects.requireNonNull(chain, "chain"));
        }

        /** {@code partition}: the key's label (default {@link Partitioners#md5()}). */
        public Builder partition(PartitionFunction partition) {
            return set("partition", Objects.requireNonNull(partition, "partition"));
        }

        /** {@code partitions}: the number of labels (default 1); 0 = non-partitioned map output. */
        public Builder partitions(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("partitions must be >= 0, got " + n);
            }
            return set("partitions", n);
        }

        /** {@code merge_partitions}: one reduce task reads every label (default false). */
        public Builder mergePartitions(boolean merge) {
            return set("merge_partitions", merge);
        }

        /** {@code combiner}: combines map output per partition (default none). */
        public Builder combiner(CombinerFunction combiner) {
            return set("combiner", combiner);
        }

        /** {@code sort}: sort the reduce input by key on disk (default false). */
        public Builder sort(boolean sort) {
            return set("sort", sort);
        }

        /** {@code sort_buffer_size}: the sort's memory, e.g. {@code "10%"} of the heap (default) or {@code "64M"}. */
        public Builder sortBufferSize(String size) {
            return set("sort_buffer_size", Objects.requireNonNull(size, "size"));
        }

        /** {@code reduce}: a reduce writing to {@code out}. */
        public Builder reduce(ReduceFunction reduce) {
            return set("reduce", Objects.requireNonNull(reduce, "reduce"));
        }

        /** {@code reduce}: a reduce returning its pairs. */
        public Builder reduce(ReturningReduceFunction reduce) {
            return set("reduce", Objects.requireNonNull(reduce, "reduce"));
        }

        /** {@code reduce_init}: called once with the reduce's entry iterator before the reduce. */
        public <I> Builder reduceInit(InitFunction<I> init) {
            return set("reduce_init", init);
        }

        /** {@code reduce_reader}: the reader ending the reduce input chain (default {@code chain_reader}). */
        public Builder reduceReader(ReaderStage<?> reader) {
            return set("reduce_reader", reader);
        }

        /** {@code reduce_input_stream}: the byte stages of the reduce input chain. */
        public Builder reduceInputStream(InputStage... stages) {
            return set("reduce_input_stream", List.of(stages));
        }

        /** {@code reduce_output_stream}: the reduce output chain. */
        public Builder reduceOutputStream(OutputChain chain) {
            return set("reduce_output_stream", Objects.requireNonNull(chain, "chain"));
        }

        /** {@code reduce_shuffle}: add a node-local shuffle after the reduce (default false). */
        public Builder reduceShuffle(boolean shuffle) {
            return set("reduce_shuffle", shuffle);
        }

        /** {@code params}: handed to every function; each task gets its own copy. */
        public Builder params(Params params) {
            return set("params", Objects.requireNonNull(params, "params"));
        }

        /** {@code profile}: record each task with Java Flight Recorder (default false). */
        public Builder profile(boolean profile) {
            return set("profile", profile);
        }

        /** {@code save_results}: have the master save the results to DDFS (default false). */
        public Builder saveResults(boolean save) {
            return set("save_results", save);
        }

        /** {@code status_interval}: a status line every n entries; 0 = only the final one (default 100000). */
        public Builder statusInterval(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("statusInterval must be >= 0, got " + n);
            }
            return set("status_interval", n);
        }

        /** {@code required_files}: extra files for the job home. */
        public Builder requiredFiles(String... paths) {
            return set("required_files", new ArrayList<>(Arrays.asList(paths)));
        }

        /** {@code required_modules}: classes, packages or jars to ship besides what is detected. */
        public Builder requiredModules(String... names) {
            return set("required_modules", new ArrayList<>(Arrays.asList(names)));
        }

        /** Any parameter by its seed name (e.g. {@code "scheduler"}, {@code "save_info"}). */
        public Builder set(String key, Object value) {
            values.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /** The job. */
        public ClassicJob build() {
            return new ClassicJob(name, new ClassicWorker(values));
        }
    }
}
