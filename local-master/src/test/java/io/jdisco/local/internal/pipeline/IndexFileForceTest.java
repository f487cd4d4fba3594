package io.jdisco.local.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.jobpack.JobPack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A task's index file is not forced to the disk at its {@code DONE}; the index files a finished
 * job's results name are, once, when the job ends.
 */
class IndexFileForceTest {
    @Test
    void onlyTheResultsIndexesAreForcedWhenTheJobEnds() throws Exception {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inputs.add("raw://w" + i + ",x");
        }
        try (Fixture f = new Fixture(Fixture.config().workers(WorkerMode.THREADS).build())) {
            long before = IndexFile.forcedCount();
            List<List<String>> results = f.await(f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                    TestPacks.classic("Forced", inputs, true, true, 2), Map.of("partitions", 2))));
            long forced = IndexFile.forcedCount() - before;
            long dirs = results.stream().filter(r -> r.get(0).startsWith("dir://")).count();
            assertTrue(dirs > 0, "the job's results are index files: " + results);
            assertEquals(dirs, forced, "one force per result index, none for the 12 map tasks' indexes");
            assertEquals(12L, f.counts(results).get("x"));
        }
    }
}
