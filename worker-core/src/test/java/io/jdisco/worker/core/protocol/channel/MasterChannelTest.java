package io.jdisco.worker.core.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.protocol.ProtocolException;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.StatusMessage;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reply timeouts, the INPUT exemption, and the end of a session. */
class MasterChannelTest {
    private static MasterChannel channel(FakeMaster.Responder responder, Duration timeout) throws Exception {
        return FakeMaster.connect(responder, ChannelOptions.defaults().withReplyTimeout(timeout)).channel();
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
    void missingReplyTimesOutNamingTheRequest() throws Exception {
        MasterChannel c = channel((m, out) -> { }, Duration.ofMillis(100));
        ReplyTimeoutException e = assertThrows(ReplyTimeoutException.class, () -> c.output(new OutputMessage(1, "a/b", 3)));
        assertEquals("no reply from the master to OUTPUT [1, \"a/b\", 3] within 100 ms", e.getMessage());
    }

    @Test
    void wrongReplyTypeIsNamed() throws Exception {
        MasterChannel c = channel((m, out) -> out.send(new FailReply()), Duration.ofSeconds(5));
        UnexpectedReplyException e = assertThrows(UnexpectedReplyException.class, c::task);
        assertTrue(e.getMessage().startsWith("the master answered TASK with FAIL"), e.getMessage());
    }

    @Test
    void masterClosingItsStreamIsAProtocolError() throws Exception {
        MemoryPipe toWorker = new MemoryPipe();
        toWorker.sink().close();
        MasterChannel c = new MasterChannel(toWorker.source(), new java.io.ByteArrayOutputStream(), ChannelOptions.defaults());
        ProtocolException e = assertThrows(ProtocolException.class, c::task);
        // The reader thread may see the end of the stream before or after TASK goes out; the
        // message says the same either way.
        assertTrue(e.getMessage().contains("closed its stream"), e.getMessage());
    }

    @Test
    void nonEndingMessageCannotEndTheSession() throws Exception {
        MasterChannel c = channel((m, out) -> { }, Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> c.end(new StatusMessage("x")));
    }
}
