package io.jdisco.worker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.protocol.channel.ChannelOptions;
import io.jdisco.worker.core.protocol.channel.FakeMaster;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.WorkerHello;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import io.jdisco.worker.core.protocol.wire.Frame;
import io.jdisco.worker.core.protocol.wire.MessageCodec;
import io.jdisco.worker.core.testing.InProcessSession;
import io.jdisco.worker.core.testing.JobFiles;
import io.jdisco.worker.core.testing.ScriptWorker;
import io.jdisco.worker.core.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plays the master side of each recorded successful task to an in-process worker and checks that
 * the worker's messages match the reference worker's wherever they are deterministic.
 */
class WorkerSessionReplayTest {
    private static final Map<String, String> WORDS = Map.of(
            "http://127.0.0.1:9445/words1.txt", "alpha beta gamma\nbeta gamma delta\n",
            "http://127.0.0.1:9445/words2.txt", "gamma delta epsilon\nalpha alpha\n");

    @TempDir
    Path home;

    private static List<Frame> frames(String transcript, String side) throws Exception {
        List<Frame> out = new ArrayList<>();
        for (Map<String, Object> e : Vectors.exchanges(transcript, side)) {
            String raw = (String) e.get("raw");
            String body = raw.substring(raw.indexOf(' ', raw.indexOf(' ') + 1) + 1, raw.length() - 1);
            out.add(new Frame((String) e.get("type"), body.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The frames without immediate repetitions (the pipeline worker asks for a replica list twice). */
    private static List<Frame> collapse(List<Frame> frames) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : frames) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(f)) {
                out.add(f);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic_map_0", "classic_map_1", "classic_map_shuffle_2", "classic_reduce_3",
            "classic_reduce_4", "pipeline_map_0", "pipeline_map_1", "pipeline_reduce_2"})
    void workerMessagesMatchTheReferenceTranscript(String name) throws Exception {
        String t = "worker_protocol_" + name;
        List<Frame> masterFrames = frames(t, "master");
        List<Frame> expected = collapse(frames(t, "worker"));
        TaskReply task = (TaskReply) MessageCodec.decodeMaster(masterFrames.get(1));
        InputReply all = (InputReply) MessageCodec.decodeMaster(masterFrames.get(2));
        Map<Integer, InputEntry> byId = new LinkedHashMap<>();
        for (InputEntry e : all.inputs()) {
            byId.put(e.id(), e);
            for (Replica r : e.replicas()) {
                serve(t, e.id(), r.url());
            }
        }
        List<Object> labels = new ArrayList<>();
        String status = null;
        for (Frame f : expected) {
            WorkerMessage m = MessageCodec.decodeWorker(f);
            if (m instanceof OutputMessage) {
                String[] parts = ((OutputMessage) m).location().split("/");
                labels.add(parts[parts.length - 1].equals(parts[1]) ? null : ((OutputMessage) m).label());
            } else if (f.name().equals("MSG") && status == null) {
                status = ((io.jdisco.worker.core.protocol.message.StatusMessage) m).text().replace("%", "%%");
            }
        }
        if (name.startsWith("classic_map_") && !name.contains("shuffle")) {
            status = "Done: %d entries mapped"; // the count of input lines, computed by our worker
        }
        Map<String, Object> jobargs = new LinkedHashMap<>();
        jobargs.put("labels", labels);
        if (status != null && !status.equals("Results sent to master")) {
            jobargs.put("status", status);
        }
        Path jobfile = JobFiles.write(home, new ScriptWorker(), jobargs);
        TaskReply ours = task.withJobfile(jobfile.toString());

        InProcessSession s = InProcessSession.start((m, out) -> {
            if (m instanceof io.jdisco.worker.core.protocol.message.TaskRequest) {
                out.send(ours);
            } else if (m instanceof InputRequest) {
                InputRequest r = (InputRequest) m;
                List<InputEntry> entries = new ArrayList<>();
                byId.forEach((id, e) -> {
                    if (r.mode() == InputRequest.Mode.INCLUDE ? r.ids().contains(id) : !r.ids().contains(id)) {
                        entries.add(e);
                    }
                });
                out.send(new InputReply(true, entries));
            } else if (m instanceof InputErrRequest) {
                out.send(new FailReply());
            } else {
                out.send(OkReply.ok());
            }
        }, ChannelOptions.defaults(), InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.DONE, s.await(Duration.ofSeconds(20)));

        List<Frame> actual = new ArrayList<>();
        s.master().received().forEach(r -> actual.add(r.frame()));
        actual.replaceAll(f -> f);
        List<Frame> got = collapse(actual);
        assertEquals(names(expected), names(got), t);
        for (int i = 0; i < expected.size(); i++) {
            Frame want = expected.get(i);
            Frame have = got.get(i);
            WorkerMessage m = MessageCodec.decodeWorker(have);
            if (m instanceof WorkerHello) {
                assertEquals("1.1", ((WorkerHello) m).version());
                assertEquals(ProcessHandle.current().pid(), ((WorkerHello) m).pid());
            } else if (m instanceof OutputMessage) {
                OutputMessage o = (OutputMessage) m;
                OutputMessage w = (OutputMessage) MessageCodec.decodeWorker(want);
                assertEquals(w.label(), o.label());
                String[] wp = w.location().split("/");
                String[] op = o.location().split("/");
                assertEquals(wp.length, op.length, o.location());
                assertTrue(op[1].startsWith(task.stage() + ":"), o.location());
                assertEquals(wp[2].equals(wp[1]), op[2].equals(op[1]), o.location());
                if (!wp[2].equals(wp[1])) {
                    assertEquals(wp[2], op[2]);
                }
                assertEquals(Files.size(home.resolve(o.location())), o.size());
            } else {
                assertEquals(want, have, t + " message " + i);
            }
        }
    }

    private static List<String> names(List<Frame> frames) {
        List<String> out = new ArrayList<>();
        frames.forEach(f -> out.add(f.name()));
        return out;
    }

    private static void serve(String transcript, int id, String url) throws Exception {
        String text = WORDS.get(url);
        if (text == null) {
            text = Files.readString(Vectors.path(transcript + ".input_index_" + id + ".txt"));
        }
        List<Object> lines = new ArrayList<>(Arrays.asList((Object[]) text.split("\n")));
        ScriptWorker.SERVED.put(url, lines);
        assertFalse(lines.isEmpty());
    }
}
