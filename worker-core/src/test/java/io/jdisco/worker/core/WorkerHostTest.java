package io.jdisco.worker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.protocol.DoneMessage;
import io.jdisco.worker.core.protocol.ErrorMessage;
import io.jdisco.worker.core.protocol.FailReply;
import io.jdisco.worker.core.protocol.InputEntry;
import io.jdisco.worker.core.protocol.InputReply;
import io.jdisco.worker.core.protocol.InputRequest;
import io.jdisco.worker.core.protocol.MessageCodec;
import io.jdisco.worker.core.protocol.OkReply;
import io.jdisco.worker.core.protocol.Replica;
import io.jdisco.worker.core.protocol.StatusMessage;
import io.jdisco.worker.core.protocol.TaskReply;
import io.jdisco.worker.core.protocol.TaskRequest;
import io.jdisco.worker.core.protocol.WorkerMessage;
import io.jdisco.worker.core.testing.BytePipe;
import io.jdisco.worker.core.testing.FakeMaster;
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

/** A reused worker process's host: sessions one after another on one pair of streams. */
class WorkerHostTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private final BytePipe toHost = new BytePipe();
    private final BytePipe toMaster = new BytePipe();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void startHost() {
        savedOut = System.out;
        savedErr = System.err;
        WorkerHost host = new WorkerHost(toHost.source(), toMaster.sink(), InputErrPolicy.REPORT,
                Map.of(WorkerHost.VARIABLE, "1", "HOME", "/home/test"));
        Thread t = new Thread(() -> exit.complete(host.run()), "worker-host");
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
        master.write(WorkerHost.NEXT_TASK_FRAME.encode());
        master.flush();
        return new FakeMaster(toMaster.source(), master, (m, out) -> {
            if (m instanceof TaskRequest) {
                out.send(task);
            } else if (m instanceof InputRequest) {
                out.send(new InputReply(true, List.of(new InputEntry(0, "ok", 0,
                        List.of(new Replica(0, "raw://r" + taskid + ",s"))))));
            } else if (m instanceof io.jdisco.worker.core.protocol.InputErrRequest) {
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
    void twoTasksRunOneAfterAnotherAndEndOfStdinEndsTheHost() throws Exception {
        FakeMaster first = session(0, Map.of("status", "task saw %d records"));
        FakeMaster second = session(1, Map.of("status", "then %d records"));
        assertEquals(new DoneMessage(), last(first));
        assertEquals(new DoneMessage(), last(second));
        assertTrue(first.messages().contains(new StatusMessage("task saw 2 records")), first.messages().toString());
        assertTrue(second.messages().contains(new StatusMessage("then 2 records")), second.messages().toString());
        assertEquals("WORKER", second.messages().get(0).name(), "each session starts as a worker process does");
        assertFalse(exit.isDone(), "the host waits for the next task");
        toHost.sink().close();
        assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aSessionThatEndsWithErrorEndsTheHostWithStatus1() throws Exception {
        FakeMaster failed = session(0, Map.of("fail", "data"));
        assertTrue(last(failed) instanceof ErrorMessage, failed.messages().toString());
        assertEquals(1, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aReplyWhileNoSessionRunsEndsTheHostWithStatus2() throws Exception {
        toHost.sink().write(MessageCodec.encode(OkReply.ok()).encode());
        toHost.sink().flush();
        assertEquals(2, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aSessionSeesTheProcessEnvironmentWithoutTheHostVariable() throws Exception {
        FakeMaster m = session(0, new EnvStatusWorker(), Map.of());
        assertTrue(m.messages().contains(new StatusMessage("HOME=/home/test " + WorkerHost.VARIABLE + "=<unset>")),
                m.messages().toString());
    }

    @Test
    void onlyTheValue1AsksForAHost() {
        assertTrue(WorkerHost.requested(Map.of(WorkerHost.VARIABLE, "1")));
        assertFalse(WorkerHost.requested(Map.of(WorkerHost.VARIABLE, "0")));
        assertFalse(WorkerHost.requested(Map.of()));
    }

    /** Reports what its environment says of HOME and of the host variable. */
    static final class EnvStatusWorker extends Worker {
        private static final long serialVersionUID = 1L;

        @Override
        protected void run(io.jdisco.worker.Task task, Map<String, Object> jobargs) {
            status("HOME=" + environment().getOrDefault("HOME", "<unset>") + " " + WorkerHost.VARIABLE + "="
                    + environment().getOrDefault(WorkerHost.VARIABLE, "<unset>"));
        }
    }
}
