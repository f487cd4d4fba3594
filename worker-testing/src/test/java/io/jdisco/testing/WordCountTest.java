package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.ClassicJob;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Word count through the whole classic flow, in every configuration the issue names. */
class WordCountTest {
    @TempDir
    Path dir;

    private JobRun run(ClassicJob job) throws Exception {
        return ClassicJobTester.of(job).inputLines(WordCountJobs.INPUT1).inputLines(WordCountJobs.INPUT2)
                .workDir(dir).run();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 16})
    void countsWithoutCombinerForEachPartitionCount(int partitions) throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(partitions).build());
        assertEquals(WordCountJobs.COUNTS, r.sortedResults());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 16})
    void countsWithSumCombinerForEachPartitionCount(int partitions) throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(partitions)
                .combiner(ClassicFunctions.sumCombiner()).build());
        assertEquals(WordCountJobs.COUNTS, r.sortedResults());
    }

    @Test
    void combinerWritesOnePairPerWordPerMapTask() throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(1).combiner(ClassicFunctions.sumCombiner())
                .build());
        List<Tuple> firstMap = JobRun.read(r.tasks("map").get(0).outputs().get(0));
        assertEquals(List.of(Tuple.pair("alpha", 1L), Tuple.pair("beta", 2L), Tuple.pair("gamma", 2L),
                Tuple.pair("delta", 1L)), firstMap);
    }

    @Test
    void shuffleOfOneMapOutputPerLabelHardLinksIt() throws Exception {
        JobRun r = ClassicJobTester.of(WordCountJobs.sortedWordCount("wc").partitions(2).build())
                .inputLines(WordCountJobs.INPUT1).workDir(dir).run();
        List<TaskOutput> mapped = r.tasks("map").get(0).outputs();
        List<TaskOutput> shuffled = r.tasks("map_shuffle").get(0).outputs();
        assertEquals(2, shuffled.size(), shuffled.toString());
        for (TaskOutput s : shuffled) {
            TaskOutput m = mapped.stream().filter(o -> o.label() == s.label()).findFirst().orElseThrow();
            assertTrue(Files.isSameFile(m.file(), s.file()), m + " " + s);
        }
        assertEquals(Map.of("alpha", 1L, "beta", 2L, "gamma", 2L, "delta", 1L), Map.copyOf(counts(r)));
    }

    private static Map<Object, Object> counts(JobRun r) {
        Map<Object, Object> m = new java.util.HashMap<>();
        for (Tuple t : r.results()) {
            m.put(t.key(), t.value());
        }
        return m;
    }

    @Test
    void twoMapOutputsOfALabelAreCopiedIntoOneShuffleOutput() throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(1).build());
        TaskOutput s = r.tasks("map_shuffle").get(0).outputs().get(0);
        long mapped = 0;
        for (InMemoryNode.TaskRun m : r.tasks("map")) {
            assertTrue(!Files.isSameFile(m.outputs().get(0).file(), s.file()));
            mapped += m.outputs().get(0).size();
        }
        assertEquals(mapped, Files.size(s.file()));
    }

    @Test
    void eachLabelsShuffleOutputIsItsMapOutputsConcatenatedInMapOrder() throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(3).build());
        List<TaskOutput> shuffled = r.tasks("map_shuffle").get(0).outputs();
        assertTrue(shuffled.size() > 1, "several labels, copied on several threads: " + shuffled);
        for (TaskOutput s : shuffled) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (InMemoryNode.TaskRun m : r.tasks("map")) {
                for (TaskOutput o : m.outputs()) {
                    if (o.label() == s.label()) {
                        expected.writeBytes(Files.readAllBytes(o.file()));
                    }
                }
            }
            assertArrayEquals(expected.toByteArray(), Files.readAllBytes(s.file()),
                    "label " + s.label());
        }
    }

    @Test
    void sixteenPartitionsRunOneReducePerNonEmptyLabel() throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(16).build());
        int labels = r.outputs("map_shuffle").size();
        assertEquals(labels, r.tasks("reduce").size());
        assertTrue(labels > 1 && labels <= 5, "labels " + labels);
    }

    @Test
    void mergePartitionsReducesEveryLabelInOneTask() throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(4).mergePartitions(true).build());
        assertEquals(1, r.tasks("reduce").size());
        assertEquals(WordCountJobs.COUNTS, r.sortedResults());
    }

    @Test
    void returningReduceWithoutSortCountsTheSame() throws Exception {
        JobRun r = run(WordCountJobs.summingWordCount("wc").partitions(4).build());
        assertEquals(WordCountJobs.COUNTS, r.sortedResults());
    }

    @Test
    void sortedReduceSeesKeysInOrderAndEachKeyOnce() throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(1).build());
        assertEquals(WordCountJobs.COUNTS, r.results(), "one reduce, sorted input: results in key order");
    }

    @Test
    void mapOnlyJobResultsAreTheMapOutputsByLabel() throws Exception {
        JobRun r = run(ClassicJob.builder("m").map(WordCountJobs::words).partitions(2).build());
        assertEquals(List.of("map", "map_shuffle"), r.stages());
        assertEquals(11, r.results().size(), "one pair per word of the 11 words");
        Map<Integer, List<Tuple>> byLabel = r.outputs("map_shuffle");
        assertTrue(byLabel.keySet().stream().allMatch(l -> l >= 0 && l < 2));
    }

    @Test
    void reduceShuffleRunsAfterSeveralReducesAndKeepsTheResults() throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(4).reduceShuffle(true).build());
        assertEquals(List.of("map", "map_shuffle", "reduce", "reduce_shuffle"), r.stages());
        assertEquals(WordCountJobs.COUNTS, r.sortedResults());
    }

    @Test
    void mapShuffleSaysHowManyInputsAndLabels() throws Exception {
        JobRun r = run(WordCountJobs.sortedWordCount("wc").partitions(1).build());
        assertTrue(r.tasks("map_shuffle").get(0).messages().contains("Shuffled 2 inputs into 1 label(s)"),
                r.messages().toString());
    }
}
