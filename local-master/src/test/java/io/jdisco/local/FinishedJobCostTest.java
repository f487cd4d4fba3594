package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.local.testing.WordWorker;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.jobhome.JobHomeWriter;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A finished job costs the master's heap a few KB and no file descriptor: after 200 sequential
 * jobs, each with a 256 KiB job home, the heap in use (after GC) and the open descriptors are
 * where they were after 20. A master that kept each job's pack (or its event log open) would hold
 * 45 MB (or 180 descriptors) more.
 */
class FinishedJobCostTest {
    private static final int BALLAST = 256 * 1024;

    private static byte[] pack() throws IOException {
        byte[] ballast = new byte[BALLAST];
        new Random(21).nextBytes(ballast);
        byte[] home = new JobHomeWriter().addExecutable("bin/worker", TestPacks.javaLauncher().getBytes(StandardCharsets.UTF_8))
                .addBytes("ballast.bin", ballast).toByteArray();
        return new JobPack(JobPack.VERSION1, TestPacks.classic("Tiny", List.of("raw://a"), true, false, 1), Map.of(), home,
                JobData.encode(new WordWorker(), Map.of(), Map.of())).encode();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50); // no condition to wait for: lets the collector's late work settle before measuring
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static void run(Fixture f, Disco disco, byte[] pack, int jobs) throws Exception {
        for (int i = 0; i < jobs; i++) {
            String job = disco.submit(pack);
            assertEquals(1, disco.waitFor(job, Duration.ofMillis(5), Duration.ofSeconds(60)).size(), job);
        }
    }

    @Test
    void twoHundredFinishedJobsCostWhatTwentyDo() throws Exception {
        byte[] pack = pack();
        try (Fixture f = new Fixture(Fixture.config().workers(WorkerMode.THREADS).build())) {
            Disco disco = new Disco(f.master.url(), f.master.transport());
            run(f, disco, pack, 20);
            long heap20 = usedHeapAfterGc();
            long fds20 = openDescriptors();
            run(f, disco, pack, 180);
            long heap200 = usedHeapAfterGc();
            long fds200 = openDescriptors();
            assertEquals(200, disco.jobs().size());
            System.out.printf("finished-job cost: heap after 20 jobs %.1f MiB, after 200 jobs %.1f MiB;"
                    + " open descriptors %d and %d%n", heap20 / 1048576.0, heap200 / 1048576.0, fds20, fds200);
            assertTrue(heap200 <= heap20 * 1.05 + (4 << 20), "heap after 20 jobs " + heap20 + " B, after 200 " + heap200
                    + " B: a finished job keeps " + (heap200 - heap20) / 180 + " B");
            assertTrue(fds200 <= fds20 + 4, "open descriptors after 20 jobs " + fds20 + ", after 200 " + fds200);
        }
    }
}
