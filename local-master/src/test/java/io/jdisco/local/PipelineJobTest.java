package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.jobpack.JobPack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pipeline (version 2) jobs, with workers started under {@code nice -n 19} as the master does. */
class PipelineJobTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture(Fixture.config().nice(true).build());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void splitThenGroupAllCountsEveryWordInOneTask() throws Exception {
        List<List<Object>> stages = List.of(List.of("map", "split", false), List.of("total", "group_all", true));
        List<List<Object>> inputs = List.of(List.of(0, 0, List.of("raw://x,y,x")), List.of(1, 0, List.of("raw://y,z")),
                List.of(0, 0, List.of("raw://z")));
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION2, TestPacks.pipeline("Pipe", stages, inputs),
                Map.of("partitions", 3)));
        List<List<String>> results = f.await(job);
        assertEquals(1, results.size(), results.toString());
        assertTrue(results.get(0).get(0).contains("/.disco/total-3-"), results.toString());
        assertEquals(Map.of("x", 2L, "y", 2L, "z", 2L), f.counts(results));
        assertEquals(3, f.disco.stageResults(job, "map").size());
        List<String> events = f.events(job);
        assertTrue(events.contains("Stage total (group_all) starts with 1 task(s); run non-concurrently"),
                events.toString());
    }
}
