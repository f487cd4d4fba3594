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
import io.jdisco.worker.core.protocol.message.StatusMessage;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reply timeouts, the INPUT exemption and the end of a session, on both ways a channel reads the
 * master: on the requesting thread over an in-memory pipe ("direct"), and with a reader thread
 * over any other stream (a worker process's stdin).
 */
class MasterChannelTest {
    private static final List<Boolean> BOTH = List.of(true, false);

    /** A channel to a fake master answering with {@code responder}; {@code direct}: over the bare pipe. */
    private static MasterChannel channel(FakeMaster.Responder responder, Duration timeout, boolean direct)
            throws Exception {
        MemoryPipe toWorker = new MemoryPipe();
        MemoryPipe toMaster = new MemoryPipe();
        new FakeMaster(toMaster.source(), toWorker.sink(), responder).start();
        return new MasterChannel(direct ? toWorker.source() : opaque(toWorker.source()), toMaster.sink(),
                ChannelOptions.defaults().withReplyTimeout(timeout));
    }

    /** {@code in} as a stream the channel cannot see is a pipe: it reads it on a thread of its own. */
    private static InputStream opaque(InputStream in) {
        return new FilterInputStream(in) {
        };
    }

    @Test
    void heldBackInputReplyIsAwaitedBeyondTheReplyTimeout() throws Exception {
        for (boolean direct : BOTH) {
            MasterChannel c = channel((m, out) -> {
                try {
                    Thread.sleep(300); // the master holding INPUT back: the behaviour under test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.send(new InputReply(true, List.of()));
            }, Duration.ofMillis(100), direct);
            assertEquals(new InputReply(true, List.of()), c.input(InputRequest.exclude(List.of())), "direct " + direct);
        }
    }

    @Test
    void missingReplyTimesOutNamingTheRequest() throws Exception {
        for (boolean direct : BOTH) {
            MasterChannel c = channel((m, out) -> { }, Duration.ofMillis(100), direct);
            ReplyTimeoutException e = assertThrows(ReplyTimeoutException.class,
                    () -> c.output(new OutputMessage(1, "a/b", 3)));
            assertEquals("no reply from the master to OUTPUT [1, \"a/b\", 3] within 100 ms", e.getMessage());
        }
    }

    @Test
    void aPipeIsNotReadAgainAfterATimeout() throws Exception {
        // the timed-out read may have consumed part of a frame: the pipe's position is unknown
        MasterChannel c = channel((m, out) -> { }, Duration.ofMillis(100), true);
        assertThrows(ReplyTimeoutException.class, () -> c.output(new OutputMessage(1, "a/b", 3)));
        ProtocolException next = assertThrows(ProtocolException.class, c::task);
        assertTrue(next.getMessage().contains("broken"), next.getMessage());
    }

    @Test
    void wrongReplyTypeIsNamed() throws Exception {
        for (boolean direct : BOTH) {
            MasterChannel c = channel((m, out) -> out.send(new FailReply()), Duration.ofSeconds(5), direct);
            UnexpectedReplyException e = assertThrows(UnexpectedReplyException.class, c::task);
            assertTrue(e.getMessage().startsWith("the master answered TASK with FAIL"), e.getMessage());
        }
    }

    @Test
    void masterClosingItsStreamIsAProtocolError() throws Exception {
        for (boolean direct : BOTH) {
            MemoryPipe toWorker = new MemoryPipe();
            toWorker.closeWriter();
            InputStream in = direct ? toWorker.source() : opaque(toWorker.source());
            MasterChannel c = new MasterChannel(in, new java.io.ByteArrayOutputStream(), ChannelOptions.defaults());
            ProtocolException e = assertThrows(ProtocolException.class, c::task);
            // a reader thread may see the end before or after TASK goes out: the message is the same
            assertTrue(e.getMessage().contains("closed its stream"), e.getMessage());
            ProtocolException again = assertThrows(ProtocolException.class, c::task);
            assertTrue(again.getMessage().contains("closed its stream"), again.getMessage());
        }
    }

    @Test
    void repliesOverAPipeAreReadWithoutAReaderThread() throws Exception {
        Map<Thread, String> before = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            before.put(t, t.getName());
        }
        MasterChannel c = channel((m, out) -> out.send(OkReply.ok()), Duration.ofSeconds(5), true);
        for (int i = 0; i < 20; i++) {
            c.output(new OutputMessage(i, "a/b" + i, 3));
        }
        // a reader started now (other tests' readers may live on in the pool, named before)
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive()
                && t.getName().equals("jdisco-master-reader") && !"jdisco-master-reader".equals(before.get(t))),
                "no thread reads the master's stream");
    }

    @Test
    void nonEndingMessageCannotEndTheSession() throws Exception {
        MasterChannel c = channel((m, out) -> { }, Duration.ofSeconds(1), true);
        assertThrows(IllegalArgumentException.class, () -> c.end(new StatusMessage("x")));
    }
}
