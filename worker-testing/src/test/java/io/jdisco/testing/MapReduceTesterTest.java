package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.DataException;
import io.jdisco.worker.KeyValue;
import io.jdisco.worker.classic.typed.Combiners;
import io.jdisco.worker.classic.typed.InputFormat;
import io.jdisco.worker.classic.typed.MapReduceJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A typed job tested in memory: typed results and counters, no casts. */
class MapReduceTesterTest {
    private static MapReduceJob<String, Long> wordCount(int partitions) {
        return MapReduceJob.named("TesterWords")
                .partitions(partitions)
                .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
                    context.count("lines");
                    for (String w : line.split(" ")) {
                        if (!w.isEmpty()) {
                            context.count("words");
                            out.collect(w, 1L);
                        }
                    }
                })
                .combine(Combiners.sumLongs())
                .reduce(String.class, Long.class, (word, counts, out, context) -> {
                    long n = 0;
                    for (long c : counts) {
                        n += c;
                    }
                    out.collect(word, n);
                })
                .build();
    }

    @Test
    void aTypedWordCountGivesTypedPairsInKeyOrder() throws Exception {
        TypedJobRun<String, Long> run = MapReduceTester.of(wordCount(1)).inputLines("b a", "a c a").run();
        assertEquals(List.of(KeyValue.of("a", 3L), KeyValue.of("b", 1L), KeyValue.of("c", 1L)), run.results());
    }

    @Test
    void countersAreSummedOverEveryTask() throws Exception {
        TypedJobRun<String, Long> run = MapReduceTester.of(wordCount(3)).inputLines("b a", "a c a")
                .inputLines("d").run();
        assertEquals(Map.of("lines", 3L, "words", 6L), run.counters());
        assertEquals(4, run.results().size());
    }

    @Test
    void aMapThrowingADataExceptionFailsItsTaskAsRetryable() {
        MapReduceJob<String, Long> job = MapReduceJob.named("TesterBad")
                .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
                    throw new DataException("bad line " + line, "raw://x");
                })
                .build();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> MapReduceTester.of(job).inputLines("oops").run());
        assertEquals(true, e.isRetryable());
    }
}
