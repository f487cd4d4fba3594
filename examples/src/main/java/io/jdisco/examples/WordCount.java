package io.jdisco.examples;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.KeyGroups;
import io.jdisco.worker.fn.Emitter;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Word count: the classic Disco example. A word is a run of bytes between ASCII whitespace
 * (space, tab, CR, LF, FF, VT); words stay {@link Bytes}, so input that is not valid UTF-8 comes
 * out byte for byte as it went in. The job functions are static methods, so modutil ships this
 * class and nothing else of the caller.
 */
public final class WordCount {
    private WordCount() {
    }

    /**
     * The word count job over {@code inputs} (URLs).
     *
     * @param partitions the number of reduce tasks (labels), at least 1
     * @param sort sort the reduce input and group runs of equal words; else sum in a hash map
     * @param combiner sum the counts in each map task before writing them
     */
    public static ClassicJob job(List<String> inputs, int partitions, boolean sort, boolean combiner) {
        Objects.requireNonNull(inputs, "inputs");
        if (partitions < 1) {
            throw new IllegalArgumentException("word count needs at least 1 partition, got " + partitions);
        }
        ClassicJob.Builder b = ClassicJob.builder("WordCount")
                .input(inputs)
                .map(WordCount::words)
                .partitions(partitions)
                .sort(sort)
                .mapOutputStream(TaskIo.storedTaskOutput())
                .reduceOutputStream(TaskIo.storedTaskOutput())
                .reduce(sort ? WordCount::sumSorted : WordCount::sumHashed);
        if (combiner) {
            b.combiner(ClassicFunctions.sumCombiner());
        }
        return b.build();
    }

    /** The map: {@code (word, 1)} for every word of {@code line} (a line with its {@code \n}). */
    public static void words(Bytes line, Emitter out, Params params) throws IOException {
        int n = line.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean space = i == n || isSpace(line.byteAt(i));
            if (space && start >= 0) {
                out.emit(line.slice(start, i), 1L);
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
    }

    /** True for the six ASCII whitespace bytes: space, tab, LF, VT, FF, CR. */
    public static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    /** The reduce over sorted input: each word's run of counts summed. */
    public static void sumSorted(Iterable<Tuple> entries, Emitter out, Params params) throws IOException {
        for (KeyGroups.Group g : KeyGroups.of(entries)) {
            Object sum = 0L;
            for (Object v : g.values()) {
                sum = ClassicFunctions.add(sum, v);
            }
            out.emit(g.key(), sum);
        }
    }

    /**
     * The reduce over unsorted input: the counts of each word summed by
     * {@link ClassicFunctions#sumReduce()}, which keeps one unboxed sum per distinct word.
     */
    public static void sumHashed(Iterable<Tuple> entries, Emitter out, Params params) throws IOException {
        for (Tuple t : ClassicFunctions.sumReduce().reduce(entries, params)) {
            out.emit(t.key(), t.value());
        }
    }
}
