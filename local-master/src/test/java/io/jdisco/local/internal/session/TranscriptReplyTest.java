package io.jdisco.local.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jdisco.local.LocalMasterConfig;
import io.jdisco.local.internal.files.EventLog;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.local.internal.pipeline.InputTable;
import io.jdisco.local.internal.pipeline.TaskInput;
import io.jdisco.local.internal.pipeline.TaskRun;
import io.jdisco.local.internal.workers.JobSetup;
import io.jdisco.worker.core.protocol.wire.Frame;
import io.jdisco.worker.core.protocol.wire.FrameReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the worker side of transcripts recorded with the real Disco master (testdata/vectors)
 * into our session handler, up to the first OUTPUT, and checks every reply is byte for byte the
 * real master's.
 */
class TranscriptReplyTest {
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @TempDir
    Path events;

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private static Path vector(String name) {
        return Path.of(System.getProperty("jdisco.testdata"), "vectors", name);
    }

    private void replay(String transcript, String job, TaskRun task) throws Exception {
        NodeLayout layout = new NodeLayout(Path.of("/srv/disco"), "localhost");
        NodeContext node = new NodeContext(LocalMasterConfig.defaults(), layout, "http://localhost:8989", 8989, 8990,
                timers);
        JobSetup setup = new JobSetup(job, layout.jobHome(job), "bin/worker", Map.of(),
                new EventLog(events.resolve("events")));
        SessionHandler handler = new SessionHandler(node, setup, task);
        FrameReader worker = new FrameReader(new ByteArrayInputStream(
                Files.readAllBytes(vector(transcript + ".worker_to_master.bin"))));
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        for (Frame frame = worker.next(); frame != null && !frame.name().equals("OUTPUT"); frame = worker.next()) {
            assertNull(handler.handle(frame, System.nanoTime(), replies), "session goes on after " + frame);
        }
        byte[] real = Files.readAllBytes(vector(transcript + ".master_to_worker.bin"));
        assertEquals(new String(Arrays.copyOf(real, replies.size()), StandardCharsets.UTF_8),
                replies.toString(StandardCharsets.UTF_8));
    }

    @Test
    void classicMapTaskRepliesMatchTheRealMaster() throws Exception {
        replay("worker_protocol_classic_map_0", "CaptureWordCount@703:c87e9:e1991",
                new TaskRun(0, "map", "split", 0, "127.0.0.1",
                        new InputTable(List.of(new TaskInput(0, List.of("http://127.0.0.1:9445/words2.txt"))))));
    }

    @Test
    void groupAllReduceTaskRepliesMatchTheRealMaster() throws Exception {
        String job = "CapturePipeline@703:c87f8:c8723";
        String dir = "dir://localhost/disco/localhost/58/" + job + "/.disco/";
        replay("worker_protocol_pipeline_reduce_2", job, new TaskRun(2, "reduce", "group_all", 0, "",
                new InputTable(List.of(new TaskInput("all", List.of(dir + "map-0-1795821240945360.results")),
                        new TaskInput("all", List.of(dir + "map-1-1795821255324573.results"))))));
    }

    @Test
    void groupLabelReduceTaskRepliesMatchTheRealMaster() throws Exception {
        String job = "CaptureWordCount@703:c87e9:e1991";
        replay("worker_protocol_classic_reduce_3", job, new TaskRun(3, "reduce", "group_label", 0, "",
                new InputTable(List.of(new TaskInput(0, List.of("dir://localhost/disco/localhost/f5/" + job
                        + "/.disco/map_shuffle-2-1795821240504597.results"))))));
    }
}
