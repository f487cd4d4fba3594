package io.jdisco.worker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.protocol.channel.FakeMaster;
import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.FailureMessage;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.StatusMessage;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.TaskRequest;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
import io.jdisco.worker.core.protocol.wire.MessageCodec;
import io.jdisco.worker.core.testing.JobFiles;
import io.jdisco.worker.core.testing.ScriptWorker;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reused worker process's session loop: sessions one after another on one pair of streams. */
class SessionLoopTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private final MemoryPipe toHost = new MemoryPipe();
    private final MemoryPipe toMaster = new MemoryPipe();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void startHost() {
        savedOut = System.out;
        savedErr = System.err;
        SessionLoop host = new SessionLoop(toHost.source(), toMaster.sink(), InputErrPolicy.REPORT,
                Map.of(SessionLoop.VARIABLE, "1", "HOME", "/home/test"));
        Thread t = new Thread(() -> exit.complete(host.run()), "session-loop");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private FakeMaster session(int taskid, Map<String, ?> jobargs) throws Exception {
        return session(taskid, new ScriptWorker(), jobargs);
    }

    private FakeMaster session(int taskid, Worker worker, Map<String, ?> jobargs) throws Exception {
        Path jobfile = JobFiles.write(java.nio.file.Files.createDirectories(home.resolve("job" + taskid)), worker,
                jobargs);
        TaskReply task = new TaskReply(taskid, "http://localhost:8989", 8989, 8990, home.resolve("ddfs").toString(),
                home.resolve("data").toString(), "map", "split", taskid, "localhost", jobfile.toString(),
                "HostJob@1:2:3", "localhost");
        OutputStream master = toHost.sink();
        master.write(SessionLoop.NEXT_TASK_FRAME.encode());
        master.flush();
        return new FakeMaster(toMaster.source(), master, (m, out) -> {
            if (m instanceof TaskRequest) {
                out.send(task);
            } else if (m instanceof InputRequest) {
                out.send(new InputReply(true, List.of(new InputEntry(0, "ok", 0,
                        List.of(new Replica(0, "raw://r" + taskid + ",s"))))));
            } else if (m instanceof io.jdisco.worker.core.protocol.message.InputErrRequest) {
                out.send(new FailReply());
            } else {
                out.send(OkReply.ok());
            }
        }).start().awaitEnd(WAIT);
    }

    private static WorkerMessage last(FakeMaster m) {
        List<WorkerMessage> all = m.messages();
        return all.get(all.size() - 1);
    }

    @Test
    void twoTasksRunOneAfterAnotherAndEndOfStdinEndsTheLoop() throws Exception {
        FakeMaster first = session(0, Map.of("status", "task saw %d records"));
        FakeMaster second = session(1, Map.of("status", "then %d records"));
        assertEquals(new DoneMessage(), last(first));
        assertEquals(new DoneMessage(), last(second));
        assertTrue(first.messages().contains(new StatusMessage("task saw 2 records")), first.messages().toString());
        assertTrue(second.messages().contains(new StatusMessage("then 2 records")), second.messages().toString());
        assertEquals("WORKER", second.messages().get(0).name(), "each session starts as a worker process does");
        assertFalse(exit.isDone(), "the loop waits for the next task");
        toHost.sink().close();
        assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aSessionThatEndsWithErrorEndsTheLoopWithStatus1() throws Exception {
        FakeMaster failed = session(0, Map.of("fail", "data"));
        assertTrue(last(failed) instanceof FailureMessage f && f.kind() == FailureMessage.Kind.ERROR, failed.messages().toString());
        assertEquals(1, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aReplyWhileNoSessionRunsEndsTheLoopWithStatus2() throws Exception {
        toHost.sink().write(MessageCodec.encode(OkReply.ok()).encode());
        toHost.sink().flush();
        assertEquals(2, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aSessionSeesTheProcessEnvironmentWithoutTheLoopVariable() throws Exception {
        FakeMaster m = session(0, new EnvStatusWorker(), Map.of());
        assertTrue(m.messages().contains(new StatusMessage("HOME=/home/test " + SessionLoop.VARIABLE + "=<unset>")),
                m.messages().toString());
    }

    @Test
    void onlyTheValue1AsksForTheLoop() {
        assertTrue(SessionLoop.requested(Map.of(SessionLoop.VARIABLE, "1")));
        assertFalse(SessionLoop.requested(Map.of(SessionLoop.VARIABLE, "0")));
        assertFalse(SessionLoop.requested(Map.of()));
    }

    /** Reports what its environment says of HOME and of the host variable. */
    static final class EnvStatusWorker extends Worker {
        private static final long serialVersionUID = 1L;

        @Override
        protected void run(io.jdisco.worker.Task task, Map<String, Object> jobargs) {
            status("HOME=" + environment().getOrDefault("HOME", "<unset>") + " " + SessionLoop.VARIABLE + "="
                    + environment().getOrDefault(SessionLoop.VARIABLE, "<unset>"));
        }
    }
}
