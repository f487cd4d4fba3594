package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.core.jobpack.JobPack;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Classic (version 1) jobs run through real worker processes. */
class ClassicJobTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void mapOnlyJobResultsAreTheMapShuffleIndex() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("MapOnly", List.of("raw://a,b,a", List.of("raw://b,c")), true, false, 1), Map.of()));
        List<List<String>> results = f.await(job);
        String hh = DiscoNames.hexhash(job);
        assertEquals(1, results.size(), results.toString());
        assertTrue(Pattern.matches("dir://localhost/disco/localhost/" + hh + "/" + Pattern.quote(job)
                + "/\\.disco/map_shuffle-2-\\d+\\.results", results.get(0).get(0)), results.toString());
        assertEquals(Map.of("a", 2L, "b", 2L, "c", 1L), f.counts(results));
        assertEquals(List.of(List.of("map", 0, 0, 0, 2, 0).toString(), List.of("map_shuffle", 0, 0, 0, 1, 0).toString()),
                f.disco.jobInfo(job).pipeline().stream().map(p -> List.of(p.stage(), p.pending(), p.waiting(),
                        p.running(), p.done(), p.failed()).toString()).toList());
    }

    @Test
    void mapReduceWithTwoPartitionsWritesIndexFilesPerTask() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("WordCount", List.of("raw://alpha,beta,gamma|beta,gamma,delta",
                        "raw://gamma,delta,epsilon|alpha,alpha"), true, true, 2), Map.of("partitions", 2)));
        List<List<String>> results = f.await(job);
        assertEquals(2, results.size(), "one reduce task per label: " + results);
        String base = "disco://localhost/disco/localhost/" + DiscoNames.hexhash(job) + "/" + job + "/";
        for (int label = 0; label < 2; label++) {
            String dir = results.get(label).get(0);
            assertTrue(dir.matches("dir://localhost/disco/.*/\\.disco/reduce-" + (3 + label) + "-\\d+\\.results"), dir);
            for (String line : f.indexLines(dir)) {
                String[] parts = line.split(" ");
                assertEquals(Integer.toString(label), parts[0], line);
                assertTrue(parts[1].startsWith(base), line);
                assertEquals(Long.parseLong(parts[2]), java.nio.file.Files.size(f.local(parts[1])), line);
            }
        }
        assertEquals(Map.of("alpha", 3L, "beta", 2L, "delta", 2L, "epsilon", 1L, "gamma", 3L), f.counts(results));
        List<List<String>> map = f.disco.stageResults(job, "map");
        assertEquals(2, map.size(), map.toString());
        for (List<String> m : map) {
            for (String line : f.indexLines(m.get(0))) {
                assertTrue(line.matches("[01] " + Pattern.quote(base) + "\\S+ \\d+"), line);
            }
        }
    }

    @Test
    void jobWithoutStagesIsReadyWithItsInputs() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("NoStages", List.of("raw://x", List.of("http://a/1", "http://b/1")), false, false, 1),
                Map.of()));
        assertEquals(List.of(List.of("raw://x"), List.of("http://a/1", "http://b/1")), f.await(job));
    }
}
