package io.jdisco.worker.classic.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.KeyValue;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.ResultReader;
import io.jdisco.worker.fn.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed jobs end to end on a local master (workers on threads): keys of each kind, 1 and 4 partitions. */
class TypedJobTest {
    private static final String TEXT = "the cat sat on the mat\nthe end\n\nand a cat\n";
    private static LocalMaster master;
    private static Disco disco;
    @TempDir
    static Path tmp;
    private static String input;

    @BeforeAll
    static void start() throws Exception {
        master = LocalMaster.start(LocalMasterConfig.builder().slots(2).nice(false)
                .workers(LocalMasterConfig.WorkerMode.THREADS).build());
        disco = new Disco(master.url());
        Path file = Files.writeString(tmp.resolve("text.txt"), TEXT);
        input = "file://" + file.toAbsolutePath();
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    private static Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String w : TEXT.split("\\s+")) {
            if (!w.isEmpty()) {
                counts.merge(w, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static <K, V> Map<K, V> collect(MapReduceRun<K, V> run) throws Exception {
        Map<K, V> out = new TreeMap<>();
        try (Results<K, V> results = run.results()) {
            for (KeyValue<K, V> r : results) {
                assertEquals(null, out.put(r.key(), r.value()), "key " + r.key() + " came twice");
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 4})
    void stringKeysCountWordsAndCountersCountEveryLineOnce(int partitions) throws Exception {
        MapReduceJob<String, Long> job = MapReduceJob.named("TypedWords")
                .input(input)
                .partitions(partitions)
                .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
                    context.count("lines");
                    for (String w : line.split("\\s+")) {
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
                    context.count("distinct words");
                    out.collect(word, n);
                })
                .build();
        MapReduceRun<String, Long> run = job.run(disco);
        assertEquals(expectedCounts(), collect(run));
        assertEquals(Map.of("distinct words", (long) expectedCounts().size(), "lines", 4L, "words", 11L),
                run.counters().totals());
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 4})
    void longKeysArePartitionedAndGrouped(int partitions) throws Exception {
        MapReduceJob<Long, Long> job = MapReduceJob.named("TypedLengths")
                .input(input)
                .partitions(partitions)
                .map(InputFormat.lines(), Long.class, Long.class, (line, out, context) -> {
                    for (String w : line.split("\\s+")) {
                        if (!w.isEmpty()) {
                            out.collect((long) w.length(), 1L);
                        }
                    }
                })
                .reduce(Long.class, Long.class, (length, ones, out, context) -> {
                    long n = 0;
                    for (long one : ones) {
                        n += one;
                    }
                    out.collect(length, n);
                })
                .build();
        assertEquals(Map.of(1L, 1L, 2L, 1L, 3L, 9L), collect(job.run(disco)));
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 4})
    void tupleKeysGroupByEveryElement(int partitions) throws Exception {
        MapReduceJob<Tuple, Integer> job = MapReduceJob.named("TypedTuples")
                .input(input)
                .partitions(partitions)
                .map(InputFormat.lines(), Tuple.class, Integer.class, (line, out, context) -> {
                    for (String w : line.split("\\s+")) {
                        if (!w.isEmpty()) {
                            out.collect(Tuple.of(w.substring(0, 1), (long) w.length()), 1);
                        }
                    }
                })
                .reduce(Tuple.class, Integer.class, (key, ones, out, context) -> {
                    int n = 0;
                    for (int one : ones) {
                        n += one;
                    }
                    out.collect(key, n);
                })
                .build();
        List<KeyValue<Tuple, Integer>> results;
        try (Results<Tuple, Integer> r = job.run(disco).results()) {
            results = r.toList();
        }
        Map<String, Integer> byText = new TreeMap<>();
        results.forEach(kv -> byText.put(kv.key().get(0) + "/" + kv.key().get(1), kv.value()));
        assertEquals(Map.of("a/1", 1, "a/3", 1, "c/3", 2, "e/3", 1, "m/3", 1, "o/2", 1, "s/3", 1, "t/3", 3), byText);
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 4})
    void recordKeysTravelAsJsonAndComeBackAsRecords(int partitions) throws Exception {
        MapReduceJob<WordKey, Long> job = MapReduceJob.named("TypedRecords")
                .input(input)
                .partitions(partitions)
                .map(InputFormat.lines(), WordKey.class, Long.class, (line, out, context) -> {
                    for (String w : line.split("\\s+")) {
                        if (!w.isEmpty()) {
                            out.collect(new WordKey(w.substring(0, 1), w.length()), 1L);
                        }
                    }
                })
                .combine(Long::sum)
                .reduce(WordKey.class, Long.class, (key, ones, out, context) -> {
                    long n = 0;
                    for (long one : ones) {
                        n += one;
                    }
                    out.collect(key, n);
                })
                .build();
        MapReduceRun<WordKey, Long> run = job.run(disco);
        Map<String, Long> byText = new TreeMap<>();
        try (Results<WordKey, Long> results = run.results()) {
            for (KeyValue<WordKey, Long> kv : results) {
                byText.put(kv.key().first() + "/" + kv.key().length(), kv.value());
            }
        }
        assertEquals(Map.of("a/1", 1L, "a/3", 1L, "c/3", 2L, "e/3", 1L, "m/3", 1L, "o/2", 1L, "s/3", 1L, "t/3", 3L),
                byText);
        try (ResultReader<Object> raw = ResultReader.open(run.waitFor(), io.jdisco.taskio.TaskIo.chainStream(),
                run.job().clientContext())) {
            assertTrue(raw.advance());
            Tuple pair = (Tuple) raw.current();
            assertTrue(pair.key() instanceof String json && json.startsWith("{\"first\":"), pair.toString());
            assertTrue(pair.value() instanceof Long, pair.toString());
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 4})
    void theBuiltInSumReduceCountsWithoutSorting(int partitions) throws Exception {
        MapReduceJob<String, Long> job = MapReduceJob.named("TypedSum")
                .input(input)
                .partitions(partitions)
                .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
                    for (String w : line.split("\\s+")) {
                        if (!w.isEmpty()) {
                            out.collect(w, 1L);
                        }
                    }
                })
                .combine(Combiners.sumLongs())
                .reduce(Reducers.sumLongs())
                .build();
        assertEquals(false, job.classicJob().worker().get("sort"));
        assertEquals(expectedCounts(), collect(job.run(disco)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1 partition, combined", "4 partitions, combined", "4 partitions, not combined"})
    void wordsCollectedAsSlicesOfTheirLineCountAsWholeKeys(String shape) throws Exception {
        MapReduceJob.Mapped<Bytes, Long> mapped = MapReduceJob.named("TypedSlices")
                .input(input)
                .partitions(shape.startsWith("1") ? 1 : 4)
                .map(InputFormat.byteLines(), Bytes.class, Long.class, (line, out, context) -> {
                    int start = -1;
                    for (int i = 0; i <= line.length(); i++) {
                        if (i == line.length() || line.byteAt(i) == ' ') {
                            if (start >= 0) {
                                Collector.collectSlice(out, line, start, i, 1L);
                            }
                            start = -1;
                        } else if (start < 0) {
                            start = i;
                        }
                    }
                });
        if (!shape.endsWith("not combined")) {
            mapped.combine(Combiners.sumLongs());
        }
        Map<String, Long> counts = new TreeMap<>();
        collect(mapped.reduce(Reducers.sumLongs()).build().run(disco)).forEach((k, v) -> counts.put(k.utf8String(), v));
        assertEquals(expectedCounts(), counts);
    }

    @Test
    void aJobReadsAnotherJobsResultsAsTypedPairs() throws Exception {
        MapReduceJob<String, Long> words = MapReduceJob.named("TypedFirst")
                .input(input)
                .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
                    for (String w : line.split("\\s+")) {
                        if (!w.isEmpty()) {
                            out.collect(w, 1L);
                        }
                    }
                })
                .reduce(Reducers.sumLongs())
                .build();
        List<List<String>> first = words.run(disco).waitFor();
        List<String> urls = new ArrayList<>();
        first.forEach(replicas -> urls.add(replicas.get(0)));
        MapReduceJob<Long, String> byCount = MapReduceJob.named("TypedSecond")
                .input(urls.toArray(new String[0]))
                .map(InputFormat.pairs(String.class, Long.class), Long.class, String.class,
                        (pair, out, context) -> out.collect(pair.value(), pair.key()))
                .reduce(Long.class, String.class, (count, ws, out, context) -> {
                    List<String> sorted = new ArrayList<>();
                    ws.forEach(sorted::add);
                    sorted.sort(null);
                    out.collect(count, String.join(",", sorted));
                })
                .build();
        assertEquals(Map.of(1L, "a,and,end,mat,on,sat", 2L, "cat", 3L, "the"), collect(byCount.run(disco)));
    }

    @Test
    void anUnsupportedTypeFailsAtBuildNamingTheTypeAndTheFunction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapReduceJob.named("Bad")
                .input(input)
                .map(InputFormat.lines(), String.class, Optional.class, (line, out, context) -> { }));
        assertTrue(e.getMessage().contains("the map's value type") && e.getMessage().contains("java.util.Optional"),
                e.getMessage());
    }

    @Test
    void aMapOnlyJobsResultsAreTheMapsPairs() throws Exception {
        MapReduceJob<String, Long> job = MapReduceJob.named("TypedMapOnly")
                .input(input)
                .map(InputFormat.lines(), String.class, Long.class, (line, out, context) ->
                        out.collect(line, (long) line.length()))
                .build();
        List<String> lines = new ArrayList<>();
        try (Results<String, Long> results = job.run(disco).results()) {
            results.forEach(kv -> lines.add(kv.key() + "=" + kv.value()));
        }
        assertEquals(List.of("the cat sat on the mat=22", "the end=7", "=0", "and a cat=9"), lines);
    }
}
