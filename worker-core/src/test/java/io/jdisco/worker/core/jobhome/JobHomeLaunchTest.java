package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.jobhome.LineCountWorker;
import io.jdisco.worker.core.jobpack.JobPack;
import io.jdisco.worker.core.jobpack.JobPacker;
import io.jdisco.worker.core.protocol.channel.FakeMaster;
import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.TaskRequest;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole client-to-node path for a user's worker: the job pack is built as for submission, its
 * job home unpacked as the master unpacks it, and {@code bin/worker} started as the master starts
 * it — with no class path but the job home's — against a fake master on its real stdin/stderr.
 */
class JobHomeLaunchTest {
    @TempDir
    Path home;

    @Test
    void workerStartedFromTheJobHomeAloneRunsAUserJob() throws Exception {
        LineCountWorker worker = new LineCountWorker();
        worker.put("input", List.of("raw://alpha,beta"));
        JobPack pack = JobPacker.pack(worker, Map.of(), Map.of());
        new JobHomeExtractor("bin/worker").extract(pack.jobhome(), home);
        Path jobfile = home.resolve("jobfile");
        Files.write(jobfile, pack.encode());

        TaskReply task = new TaskReply(0, "http://localhost:8989", 8989, 8990, home.resolve("ddfs").toString(),
                home.resolve("data").toString(), "map", "split", 0, "localhost", jobfile.toString(),
                "LineCount@1:2:3", "localhost");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/worker").toString()).directory(home.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equals("CLASSPATH") || k.endsWith("JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        FakeMaster master = new FakeMaster(p.getInputStream(), p.getOutputStream(), (m, out) -> {
            if (m instanceof TaskRequest) {
                out.send(task);
            } else if (m instanceof InputRequest) {
                out.send(new InputReply(true, List.of(new InputEntry(0, "ok", 0,
                        List.of(new Replica(0, "raw://alpha,beta"))))));
            } else {
                out.send(OkReply.ok());
            }
        }).start();
        try {
            master.awaitEnd(Duration.ofSeconds(60));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the worker did not exit after its last message");
        } finally {
            p.destroyForcibly();
        }
        List<WorkerMessage> got = master.messages();
        assertEquals(new DoneMessage(), got.get(got.size() - 1), got.toString());
        OutputMessage output = (OutputMessage) got.stream().filter(m -> m instanceof OutputMessage).findFirst()
                .orElseThrow();
        assertEquals("ALPHA!\t1\nBETA!\t1\n", Files.readString(home.resolve(output.location()), StandardCharsets.UTF_8));
    }
}
