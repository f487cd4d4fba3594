package io.jdisco.worker.classic.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.worker.Params;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A map task whose worker process dies mid-task is re-run, and its lines are counted once. */
class TypedCountersRetryTest {
    @Test
    void countersAreExactWhenAMapTaskIsKilledAndRetried(@TempDir Path tmp) throws Exception {
        Path a = Files.writeString(tmp.resolve("a.txt"), "one\ntwo\nhalt here once\nthree\n");
        Path b = Files.writeString(tmp.resolve("b.txt"), "four\nfive\n");
        Path marker = tmp.resolve("halted-once");
        LocalMasterConfig config = LocalMasterConfig.builder().slots(2).nice(false)
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
        try (LocalMaster master = LocalMaster.start(config)) {
            MapReduceJob<String, Long> job = MapReduceJob.named("CountersRetry")
                    .input("file://" + a.toAbsolutePath(), "file://" + b.toAbsolutePath())
                    .params(Params.of("marker", marker.toString()))
                    .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
                        context.count("lines");
                        Path halt = Path.of((String) context.params().get("marker"));
                        if (line.startsWith("halt") && !Files.exists(halt)) {
                            Files.createFile(halt);
                            Runtime.getRuntime().halt(3);
                        }
                        out.collect(line, 1L);
                    })
                    .build();
            MapReduceRun<String, Long> run = job.run(new Disco(master.url()));
            run.waitFor();
            assertTrue(Files.exists(marker), "the first attempt halted its worker");
            boolean crashed = false;
            for (JobEvent e : run.job().events(0).events()) {
                crashed |= e.message().contains("Worker crashed");
            }
            assertTrue(crashed, "the job's events show the crash");
            assertEquals(Map.of("lines", 6L), run.counters().totals());
            assertEquals(2, run.counters().tasks());
        }
    }
}
