package io.jdisco.examples;

import io.jdisco.taskio.TaskIo;
import io.jdisco.taskio.plain.CompressedText;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.classic.typed.Combiners;
import io.jdisco.worker.classic.typed.InputFormat;
import io.jdisco.worker.classic.typed.MapReduceJob;
import io.jdisco.worker.classic.typed.Reducers;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.JobContext;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Word count: the classic Disco example, in the typed API. A word is a run of bytes between ASCII
 * whitespace (space, tab, CR, LF, FF, VT); words stay {@link Bytes}, so input that is not valid
 * UTF-8 comes out byte for byte as it went in. The map counts {@code lines} and {@code words}.
 * The job functions are static methods, so modutil ships this class and nothing else of the
 * caller.
 */
public final class WordCount {
    /** {@link #isSpace} by unsigned byte value. */
    private static final boolean[] SPACE = new boolean[256];

    static {
        for (char c : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
            SPACE[c] = true;
        }
    }

    /** The counters of the map. */
    public static final String LINES = "lines";
    /** The counter of the words the map found. */
    public static final String WORDS = "words";
    private static final Long ONE = 1L;

    private WordCount() {
    }

    /**
     * The word count job over {@code inputs} (URLs).
     *
     * @param partitions the number of reduce tasks (labels), at least 1
     * @param sort sort the reduce input and sum each word's run of counts; else the built-in
     *     hashed sum ({@link Reducers#sumLongs()})
     * @param combiner sum the counts in each map task before writing them
     */
    public static MapReduceJob<Bytes, Long> job(List<String> inputs, int partitions, boolean sort, boolean combiner) {
        Objects.requireNonNull(inputs, "inputs");
        if (partitions < 1) {
            throw new IllegalArgumentException("word count needs at least 1 partition, got " + partitions);
        }
        MapReduceJob.Mapped<Bytes, Long> mapped = MapReduceJob.named("WordCount")
                .input(inputs)
                .partitions(partitions)
                .set("map_input_stream", CompressedText.mapInputStream())
                .set("map_output_stream", TaskIo.storedTaskOutput())
                .set("reduce_output_stream", TaskIo.storedTaskOutput())
                .map(InputFormat.byteLines(), Bytes.class, Long.class, WordCount::words);
        if (combiner) {
            mapped.combine(Combiners.sumLongs());
        }
        return (sort ? mapped.reduce(Bytes.class, Long.class, WordCount::sum) : mapped.reduce(Reducers.sumLongs()))
                .build();
    }

    /** The map: {@code (word, 1)} for every word of {@code line}; counts the line and its words. */
    public static void words(Bytes line, Collector<Bytes, Long> out, JobContext context) throws IOException {
        context.count(LINES);
        context.count(WORDS, emitWords(line, out));
    }

    /**
     * Collects {@code (word, 1)} for every word of {@code line} and returns how many. Each word
     * goes out as a slice of the line ({@link Collector#collectSlice}): a word already in the
     * combiner's table is counted where it lies, with no copy of it made.
     */
    public static long emitWords(Bytes line, Collector<Bytes, Long> out) throws IOException {
        int n = line.length();
        int start = -1;
        long words = 0;
        for (int i = 0; i < n; i++) {
            if (isSpace(line.byteAt(i))) {
                if (start >= 0) {
                    Collector.collectSlice(out, line, start, i, ONE);
                    words++;
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            Collector.collectSlice(out, line, start, n, ONE);
            words++;
        }
        return words;
    }

    /**
     * True for the six ASCII whitespace bytes: space, tab, LF, VT, FF, CR. A table rather than
     * comparisons: a worker's JIT compiles the comparisons' branches as the first few thousand
     * lines took them, and the first byte over 127 (UTF-8) or below a tab then threw the
     * compiled loop away, four times in the first task of the bench's word count; a table
     * lookup has no branch of its own.
     */
    public static boolean isSpace(byte b) {
        return SPACE[b & 0xFF];
    }

    /** The reduce over sorted input: a word's counts summed. */
    public static void sum(Bytes word, Iterable<Long> counts, Collector<Bytes, Long> out, JobContext context)
            throws IOException {
        long n = 0;
        for (long c : counts) {
            n = Math.addExact(n, c);
        }
        out.collect(word, n);
    }
}
