package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The master's threads are bounded by its slots, not by the tasks: a job of 10,000 tasks runs with
 * a few dozen threads in the JVM (before, each task had a thread waiting for a slot). Run alone,
 * the JVM peaks at under 30 threads; the assertion counts the threads above those present before
 * the master started.
 */
class ThreadBoundTest {
    private static final int TASKS = 10_000;

    @Test
    void tenThousandTaskJobRunsWithFewerThanAHundredThreads() throws Exception {
        List<String> inputs = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            inputs.add("raw://w" + i);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger peak = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(threads.getThreadCount(), Math::max);
                try {
                    Thread.sleep(10); // the sampling period of the peak thread count, not a wait
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "thread-count-sampler");
        sampler.setDaemon(true);
        long start = System.nanoTime();
        // threads other tests left behind (HTTP clients' selectors, idle pool threads) are not the job's
        int before = threads.getThreadCount();
        try (Fixture f = new Fixture(Fixture.config().workers(WorkerMode.THREADS).build())) {
            sampler.start();
            String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                    TestPacks.classic("Many", inputs, true, false, 1), Map.of()));
            List<List<String>> results = f.disco.waitFor(job, Duration.ofMillis(200), Duration.ofMinutes(10));
            running.set(false);
            sampler.join();
            assertEquals(TASKS, f.disco.jobInfo(job).pipeline().get(0).done(), "map tasks done");
            assertEquals(TASKS, f.counts(results).size(), "every input's word counted once");
        }
        System.out.printf("ThreadBoundTest: %d tasks in %.1f s; peak %d threads in the JVM (%d before); %s%n", TASKS,
                (System.nanoTime() - start) / 1e9, peak.get(), before, memory());
        assertTrue(peak.get() - before < 100, "peak of " + peak.get() + " threads while 10,000 tasks ran, "
                + before + " before the master started");
    }

    /** The JVM's peak resident set and its heap in use now, for the record. */
    private static String memory() throws IOException {
        Path status = Path.of("/proc/self/status");
        String hwm = "VmHWM unknown";
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    hwm = "peak RSS " + line.substring("VmHWM:".length()).trim();
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        return hwm + ", heap used " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MiB";
    }
}
