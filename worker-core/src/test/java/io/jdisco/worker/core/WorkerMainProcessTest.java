package io.jdisco.worker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.protocol.channel.FakeMaster;
import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.StatusMessage;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.TaskRequest;
import io.jdisco.worker.core.protocol.message.WorkerHello;
import io.jdisco.worker.core.testing.JobFiles;
import io.jdisco.worker.core.testing.ScriptWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real worker JVM on real stdin/stderr, with a user print flood that must become throttled MSGs. */
class WorkerMainProcessTest {
    private static final int LINES = 300;

    @TempDir
    Path home;

    @Test
    void childJvmCompletesSessionAndThrottlesAPrintFloodWithoutLosingText() throws Exception {
        Path jobfile = JobFiles.write(home, new ScriptWorker(), Map.of("print", LINES, "labels", List.of(0)));
        TaskReply task = new TaskReply(4, "http://localhost:8989", 8989, 8990, home.resolve("ddfs").toString(),
                home.resolve("data").toString(), "map", "split", 0, "localhost", jobfile.toString(), "Flood@1:2:3",
                "localhost");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WorkerMain.class.getName()).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        Process p = pb.start();
        FakeMaster master = new FakeMaster(p.getInputStream(), p.getOutputStream(), (m, out) -> {
            if (m instanceof TaskRequest) {
                out.send(task);
            } else if (m instanceof InputRequest) {
                out.send(new InputReply(true, List.of(new InputEntry(0, "ok", 0, List.of(new Replica(0, "raw://a,b"))))));
            } else {
                out.send(OkReply.ok());
            }
        }).start();
        try {
            master.awaitEnd(Duration.ofSeconds(60));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the worker did not exit after DONE");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue());

        List<FakeMaster.Received> got = master.received();
        assertEquals(p.pid(), ((WorkerHello) got.get(0).message()).pid());
        assertEquals(new DoneMessage(), got.get(got.size() - 1).message());
        assertTrue(got.stream().anyMatch(r -> r.message() instanceof OutputMessage));

        List<Long> msgTimes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (FakeMaster.Received r : got) {
            if (r.message() instanceof StatusMessage) {
                msgTimes.add(r.nanos());
                text.append(((StatusMessage) r.message()).text()).append('\n');
            }
        }
        for (int i = 0; i + 5 < msgTimes.size(); i++) {
            long gapMillis = (msgTimes.get(i + 5) - msgTimes.get(i)) / 1_000_000;
            assertTrue(gapMillis >= 1000, "MSGs " + i + ".." + (i + 5) + " arrived within " + gapMillis + " ms");
        }
        String all = text.toString();
        int at = 0;
        for (int i = 0; i < LINES; i++) {
            int found = all.indexOf("line " + i + " of the flood\n", at);
            assertTrue(found >= 0, "line " + i + " never reached the master");
            at = found;
        }
        assertTrue(all.contains(" messages merged)"), "the flood was not coalesced");
        assertTrue(all.endsWith("Results sent to master\n"), all.substring(Math.max(0, all.length() - 200)));
        assertTrue(msgTimes.size() < 20, msgTimes.size() + " MSGs for a flood that should be coalesced");
        assertTrue(Files.exists(home.resolve(((OutputMessage) got.stream().filter(r -> r.message() instanceof OutputMessage)
                .findFirst().orElseThrow().message()).location())));
    }
}
