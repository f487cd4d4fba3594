package io.jdisco.worker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.protocol.channel.ChannelOptions;
import io.jdisco.worker.core.protocol.channel.FakeMaster;
import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.FailureMessage;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.RetryReply;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.TaskRequest;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import io.jdisco.worker.core.testing.InProcessSession;
import io.jdisco.worker.core.testing.JobFiles;
import io.jdisco.worker.core.testing.ScriptWorker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole sessions against a scripted master: endings, failures, and replica fail-over over the wire. */
class WorkerSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private TaskReply task(Path jobfile) {
        return new TaskReply(0, "http://localhost:8989", 8989, 8990, home.resolve("ddfs").toString(),
                home.resolve("data").toString(), "map", "split", 0, "localhost", jobfile.toString(), "TestJob@1:2:3",
                "localhost");
    }

    /** A master with one input of the given replicas; INPUT_ERR answered by {@code onInputErr}. */
    private FakeMaster.Responder master(TaskReply task, List<Replica> replicas, FakeMaster.Responder onInputErr) {
        return (m, out) -> {
            if (m instanceof TaskRequest) {
                out.send(task);
            } else if (m instanceof InputRequest) {
                out.send(new InputReply(true, List.of(new InputEntry(0, "ok", 0, replicas))));
            } else if (m instanceof InputErrRequest) {
                onInputErr.respond(m, out);
            } else {
                out.send(OkReply.ok());
            }
        };
    }

    private InProcessSession run(Map<String, ?> jobargs, List<Replica> replicas, FakeMaster.Responder onInputErr,
            InputErrPolicy policy) throws Exception {
        Path jobfile = JobFiles.write(home, new ScriptWorker(), jobargs);
        return InProcessSession.start(master(task(jobfile), replicas, onInputErr), ChannelOptions.defaults(), policy);
    }

    private static WorkerMessage last(InProcessSession s) {
        List<WorkerMessage> all = s.master().messages();
        return all.get(all.size() - 1);
    }

    /** The text of the session's last message, which must be a failure of {@code kind}. */
    private static String failure(InProcessSession s, FailureMessage.Kind kind) {
        FailureMessage last = assertInstanceOf(FailureMessage.class, last(s));
        assertEquals(kind, last.kind(), last.toString());
        return last.text();
    }

    private static List<String> names(InProcessSession s) {
        List<String> out = new ArrayList<>();
        s.master().messages().forEach(m -> out.add(m.name()));
        return out;
    }

    private static final FakeMaster.Responder FAIL = (m, out) -> out.send(new FailReply());

    @Test
    void userBugEndsWithFatalCarryingItsStackTrace() throws Exception {
        InProcessSession s = run(Map.of("fail", "bug", "labels", List.of(0)), List.of(new Replica(0, "raw://a,b")), FAIL,
                InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.FATAL, s.await(WAIT));
        assertEquals(List.of("WORKER", "TASK", "INPUT", "INPUT", "FATAL"), names(s));
        String text = failure(s, FailureMessage.Kind.FATAL);
        assertTrue(text.startsWith("java.lang.IllegalStateException: deliberate failure for the test"), text);
        assertTrue(text.contains("at io.jdisco.worker.core.testing.ScriptWorker.run"), text);
    }

    @Test
    void countersGoAsTheirOwnMsgJustBeforeDone() throws Exception {
        InProcessSession s = run(Map.of("count", true, "status", "read %d"), List.of(new Replica(0, "raw://a,b,c")),
                FAIL, InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.DONE, s.await(WAIT));
        List<WorkerMessage> m = s.master().messages();
        assertEquals("DONE", names(s).get(m.size() - 1));
        assertEquals("jdisco-counters {\"records\":3}",
                ((io.jdisco.worker.core.protocol.message.StatusMessage) m.get(m.size() - 2)).text());
        assertEquals(1, m.stream().filter(x -> x instanceof io.jdisco.worker.core.protocol.message.StatusMessage st
                && st.text().contains("jdisco-counters")).count());
    }

    @Test
    void aFailedTaskSendsNoCounters() throws Exception {
        InProcessSession s = run(Map.of("count", true, "fail", "data"), List.of(new Replica(0, "raw://a,b,c")), FAIL,
                InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        assertEquals(List.of("WORKER", "TASK", "INPUT", "INPUT", "ERROR"), names(s));
    }

    @Test
    void dataFailureEndsWithErrorAndLeavesNoVisibleOutput() throws Exception {
        InProcessSession s = run(Map.of("fail", "data", "labels", List.of(0, 1)), List.of(new Replica(0, "raw://a")), FAIL,
                InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        assertTrue(failure(s, FailureMessage.Kind.ERROR).contains("deliberate data failure"));
        assertFalse(names(s).contains("OUTPUT"));
        try (Stream<Path> files = Files.walk(home)) {
            assertEquals(List.of(), files.filter(p -> p.toString().contains("map:0-localhost")).toList());
        }
    }

    @Test
    void successfulTaskAnnouncesOutputsInLabelOrderThenResultsThenDone() throws Exception {
        InProcessSession s = run(Map.of("labels", List.of(2, 0)), List.of(new Replica(0, "raw://a,b,c")), FAIL,
                InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.DONE, s.await(WAIT));
        List<WorkerMessage> m = s.master().messages();
        assertEquals(List.of("WORKER", "TASK", "INPUT", "INPUT", "OUTPUT", "OUTPUT", "MSG", "DONE"), names(s));
        assertEquals(0, ((OutputMessage) m.get(4)).label());
        assertEquals(2, ((OutputMessage) m.get(5)).label());
        assertTrue(((OutputMessage) m.get(4)).location().endsWith("/map-0-localhost-0"));
        assertEquals("records\t3\n", Files.readString(home.resolve(((OutputMessage) m.get(4)).location())));
        assertEquals(new DoneMessage(), m.get(7));
    }

    @Test
    void replicaFailingOverTheWireIsReportedAndRetryContinues() throws Exception {
        InProcessSession s = run(Map.of("status", "read %d"), List.of(new Replica(0, "http://nowhere/x")),
                (m, out) -> out.send(new RetryReply(List.of(new Replica(1, "raw://one,two,three")))),
                InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.DONE, s.await(WAIT));
        assertEquals(new InputErrRequest(0, List.of(0)), s.master().messages().get(4));
        assertEquals("read 3", s.master().messages().get(5).body());
    }

    @Test
    void failReplyToInputErrEndsWithError() throws Exception {
        InProcessSession s = run(Map.of(), List.of(new Replica(0, "http://nowhere/x")), FAIL, InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        assertEquals(List.of("WORKER", "TASK", "INPUT", "INPUT", "INPUT_ERR", "ERROR"), names(s));
        assertTrue(failure(s, FailureMessage.Kind.ERROR).contains("Exhausted all available replicas of input 0"));
    }

    @Test
    void silentModeForTheTaggedMasterSendsNoInputErr() throws Exception {
        InProcessSession s = run(Map.of(), List.of(new Replica(0, "http://nowhere/x"), new Replica(1, "http://gone/y")),
                FAIL, InputErrPolicy.SILENT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        assertEquals(List.of("WORKER", "TASK", "INPUT", "INPUT", "ERROR"), names(s));
    }

    @Test
    void replyThatNeverComesEndsWithErrorNamingTheRequest() throws Exception {
        Path jobfile = JobFiles.write(home, new ScriptWorker(), Map.of());
        FakeMaster.Responder silentOnTask = (m, out) -> {
            if (!(m instanceof TaskRequest)) {
                out.send(OkReply.ok());
            }
        };
        InProcessSession s = InProcessSession.start(silentOnTask,
                ChannelOptions.defaults().withReplyTimeout(Duration.ofMillis(200)), InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        String text = failure(s, FailureMessage.Kind.ERROR);
        assertTrue(text.contains("ReplyTimeoutException: no reply from the master to TASK \"\" within 200 ms"), text);
        assertTrue(Files.exists(jobfile));
    }

    @Test
    void malformedReplyEndsWithErrorNamingTheFrameError() throws Exception {
        InProcessSession s = InProcessSession.start((m, out) -> out.sendRaw("OK 4 \"ok\"X".getBytes(
                StandardCharsets.US_ASCII)), ChannelOptions.defaults(), InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        assertTrue(failure(s, FailureMessage.Kind.ERROR).contains("invalid_body in frame at byte 0"), last(s).toString());
    }

    @Test
    void unknownReplyNameEndsWithErrorNamingIt() throws Exception {
        InProcessSession s = InProcessSession.start((m, out) -> out.sendRaw("PONG 4 \"ok\"\n".getBytes(
                StandardCharsets.US_ASCII)), ChannelOptions.defaults(), InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        String text = failure(s, FailureMessage.Kind.ERROR);
        assertTrue(text.contains("unknown message 'PONG' from the master"), text);
    }

    @Test
    void includeReplyWithUnknownIdEndsWithErrorNamingTheIds() throws Exception {
        Path jobfile = JobFiles.write(home, new ScriptWorker(), Map.of());
        TaskReply t = task(jobfile);
        InProcessSession s = InProcessSession.start((m, out) -> {
            if (m instanceof TaskRequest) {
                out.send(t);
            } else if (m instanceof InputRequest && ((InputRequest) m).mode() == InputRequest.Mode.INCLUDE) {
                out.send(new InputReply(true, List.of(new InputEntry(9, "ok", 0, List.of()))));
            } else if (m instanceof InputRequest) {
                out.send(new InputReply(true, List.of(new InputEntry(0, "ok", 0, List.of(new Replica(0, "raw://a"))))));
            } else {
                out.send(OkReply.ok());
            }
        }, ChannelOptions.defaults(), InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        String text = failure(s, FailureMessage.Kind.ERROR);
        assertTrue(text.contains("INPUT reply lists input ids [9] but the worker asked for [0]"), text);
    }

    @Test
    void missingJobfileEndsWithError() throws Exception {
        TaskReply t = task(home.resolve("no-such-jobfile"));
        InProcessSession s = InProcessSession.start((m, out) -> out.send(m instanceof TaskRequest ? t : OkReply.ok()),
                ChannelOptions.defaults(), InputErrPolicy.REPORT);
        assertEquals(WorkerSession.Outcome.ERROR, s.await(WAIT));
        assertTrue(failure(s, FailureMessage.Kind.ERROR).contains("no-such-jobfile"));
    }

    @Test
    void channelRefusesToWriteAfterTheSessionEnded() throws Exception {
        InProcessSession s = run(Map.of(), List.of(new Replica(0, "raw://a")), FAIL, InputErrPolicy.REPORT);
        s.await(WAIT);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> s.channel().task());
        assertEquals("the session ended with DONE; the worker must not send TASK", e.getMessage());
    }
}
