package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.Partitioners;
import io.jdisco.worker.core.WorkerSession;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classic tasks through the real protocol: the message sequence of Disco's captured word count. */
class ProtocolFlowTest {
    @TempDir
    Path dir;

    @Test
    void mapTaskSpeaksLikeThePythonWorker() throws Exception {
        Path input = dir.resolve("words2.txt");
        Files.write(input, "gamma delta epsilon\nalpha alpha\n".getBytes(StandardCharsets.UTF_8));
        ClassicJob job = ClassicJob.builder("wc").map(PythonInteropTest::pythonWords).partitions(2)
                .partition(Partitioners.python2Hash()).build();
        Transcript t = TaskHarness.of(job.worker(), dir.resolve("home")).stage("map", "split", 0, "127.0.0.1")
                .input(MasterInput.of(input.toString())).run(Duration.ofSeconds(30));
        assertEquals(WorkerSession.Outcome.DONE, t.outcome(), t.failure());
        assertEquals(List.of("WORKER", "TASK", "INPUT", "INPUT", "MSG", "OUTPUT", "OUTPUT", "MSG", "DONE"), t.names());
        assertEquals(List.of("Done: 2 entries mapped", "Results sent to master"), t.statuses());
        List<OutputMessage> outs = t.outputs();
        assertEquals(0, outs.get(0).label());
        assertTrue(outs.get(0).location().endsWith("/map-0-127.0.0.1-0"), outs.get(0).location());
        assertEquals(List.of(Tuple.pair(io.jdisco.worker.Bytes.utf8("gamma"), 1L)),
                JobRun.read(new TaskOutput(0, outs.get(0).location(), outs.get(0).size(), t.file(outs.get(0)))));
        assertEquals(Files.size(t.file(outs.get(1))), outs.get(1).size());
    }
}
