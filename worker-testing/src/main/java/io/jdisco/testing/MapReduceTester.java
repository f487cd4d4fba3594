package io.jdisco.testing;

import io.jdisco.worker.classic.typed.MapReduceJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs a typed {@link MapReduceJob} in memory, as {@link ClassicJobTester} runs a classic one
 * (the real map, shuffle and reduce stages on an in-directory node), and gives its results as
 * typed pairs and its counters:
 *
 * <pre>{@code
 * TypedJobRun<String, Long> run = MapReduceTester.of(job).inputLines("a b", "b").run();
 * assertEquals(List.of(KeyValue.of("a", 1L), KeyValue.of("b", 2L)), run.results());
 * assertEquals(3L, run.counters().get("words"));
 * }</pre>
 *
 * @param <K> the result key type
 * @param <V> the result value type
 */
public final class MapReduceTester<K, V> {
    private final MapReduceJob<K, V> job;
    private final ClassicJobTester tester;

    private MapReduceTester(MapReduceJob<K, V> job) {
        this.job = job;
        this.tester = ClassicJobTester.of(job.classicJob());
    }

    /** A tester of {@code job}. */
    public static <K, V> MapReduceTester<K, V> of(MapReduceJob<K, V> job) {
        return new MapReduceTester<>(Objects.requireNonNull(job, "job"));
    }

    /** Adds an input holding these lines (each ends with {@code \n}). */
    public MapReduceTester<K, V> inputLines(String... lines) {
        tester.inputLines(lines);
        return this;
    }

    /** Adds a local file as an input. */
    public MapReduceTester<K, V> inputFile(Path file) {
        tester.inputFile(file);
        return this;
    }

    /** Adds an input URL read through the schemes on the class path. */
    public MapReduceTester<K, V> input(String url) {
        tester.input(url);
        return this;
    }

    /** Overrides a job parameter, as a job argument does. */
    public MapReduceTester<K, V> jobarg(String key, Object value) {
        tester.jobarg(key, value);
        return this;
    }

    /**
     * Runs the job.
     *
     * @throws TaskFailedException when a task fails
     */
    public TypedJobRun<K, V> run() throws IOException {
        return new TypedJobRun<>(tester.run(), job.keyCodec(), job.valueCodec());
    }
}
