package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.jobpack.JobPack;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In the threads mode a task starts no thread of its own: the worker's thread, the channel's
 * reader and the status pump come from pools, so the threads started while a job runs do not
 * grow with its tasks (before: three per task).
 */
class ThreadReuseTest {
    private static final int TASKS = 300;

    @Test
    void aJobOfThreeHundredTasksStartsFewerThanSixtyThreads() throws Exception {
        List<String> inputs = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            inputs.add("raw://w" + i);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Fixture f = new Fixture(Fixture.config().workers(WorkerMode.THREADS).build())) {
            long before = threads.getTotalStartedThreadCount();
            String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                    TestPacks.classic("Reuse", inputs, true, false, 1), Map.of()));
            List<List<String>> results = f.await(job);
            long started = threads.getTotalStartedThreadCount() - before;
            assertEquals(TASKS, f.counts(results).size(), "every input's word counted once");
            assertTrue(started < 60, started + " threads started for " + TASKS + " tasks");
        }
    }
}
