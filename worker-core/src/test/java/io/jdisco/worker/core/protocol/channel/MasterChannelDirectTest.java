package io.jdisco.worker.core.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.protocol.ProtocolException;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A channel over in-memory pipes reads the master's replies on the requesting thread, with the
 * same timeouts, the INPUT exemption and errors as a channel with a reader thread.
 */
class MasterChannelDirectTest {
    private static MasterChannel channel(FakeMaster.Responder responder, Duration timeout) throws Exception {
        MemoryPipe toWorker = new MemoryPipe(1 << 16);
        MemoryPipe toMaster = new MemoryPipe(1 << 16);
        new FakeMaster(toMaster.source(), toWorker.sink(), responder).start();
        return new MasterChannel(toWorker.source(), toMaster.sink(), ChannelOptions.defaults().withReplyTimeout(timeout));
    }

    /** The live threads and their names now. */
    private static Map<Thread, String> threadNames() {
        Map<Thread, String> names = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.put(t, t.getName());
        }
        return names;
    }

    /** A thread that reads a master's stream now and did not before (other tests' readers may live on). */
    private static boolean newReaderThread(Map<Thread, String> before) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive()
                && t.getName().equals("jdisco-master-reader") && !"jdisco-master-reader".equals(before.get(t)));
    }

    @Test
    void repliesAreReadWithoutAReaderThread() throws Exception {
        Map<Thread, String> before = threadNames();
        MasterChannel c = channel((m, out) -> out.send(OkReply.ok()), Duration.ofSeconds(5));
        for (int i = 0; i < 20; i++) {
            c.output(new OutputMessage(i, "a/b" + i, 3));
        }
        assertFalse(newReaderThread(before), "no thread reads the master's stream");
    }

    @Test
    void heldBackInputReplyIsAwaitedBeyondTheReplyTimeout() throws Exception {
        MasterChannel c = channel((m, out) -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.send(new InputReply(true, List.of()));
        }, Duration.ofMillis(100));
        assertEquals(new InputReply(true, List.of()), c.input(InputRequest.exclude(List.of())));
    }

    @Test
    void missingReplyTimesOutNamingTheRequestAndTheChannelIsNotReadAgain() throws Exception {
        MasterChannel c = channel((m, out) -> { }, Duration.ofMillis(100));
        ReplyTimeoutException e = assertThrows(ReplyTimeoutException.class, () -> c.output(new OutputMessage(1, "a/b", 3)));
        assertEquals("no reply from the master to OUTPUT [1, \"a/b\", 3] within 100 ms", e.getMessage());
        ProtocolException next = assertThrows(ProtocolException.class, c::task);
        assertTrue(next.getMessage().contains("broken"), next.getMessage());
    }

    @Test
    void wrongReplyTypeIsNamed() throws Exception {
        MasterChannel c = channel((m, out) -> out.send(new FailReply()), Duration.ofSeconds(5));
        UnexpectedReplyException e = assertThrows(UnexpectedReplyException.class, c::task);
        assertTrue(e.getMessage().startsWith("the master answered TASK with FAIL"), e.getMessage());
    }

    @Test
    void masterClosingItsStreamIsAProtocolError() throws Exception {
        MemoryPipe toWorker = new MemoryPipe(64);
        toWorker.closeWriter();
        MasterChannel c = new MasterChannel(toWorker.source(), new java.io.ByteArrayOutputStream(), ChannelOptions.defaults());
        ProtocolException e = assertThrows(ProtocolException.class, c::task);
        assertTrue(e.getMessage().contains("closed its stream"), e.getMessage());
        ProtocolException again = assertThrows(ProtocolException.class, c::task);
        assertTrue(again.getMessage().contains("closed its stream before"), again.getMessage());
    }
}
