package io.jdisco.worker.core.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.OkReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coalescing and splitting of status texts. */
class StatusMessengerTest {
    private FakeMaster master;

    private MasterChannel channel(ChannelOptions options) throws Exception {
        FakeMaster.Connection c = FakeMaster.connect((m, out) -> out.send(OkReply.ok()), options);
        master = c.master();
        return c.channel();
    }

    private List<Object> texts(MasterChannel c) throws Exception {
        c.end(new DoneMessage());
        master.awaitEnd(Duration.ofSeconds(10));
        List<Object> out = new ArrayList<>();
        master.messages().forEach(m -> out.add(m.body()));
        out.remove(out.size() - 1);
        return out;
    }

    @Test
    void textsBeyondTheWindowLimitAreMergedIntoOneMsgThatCountsThem() throws Exception {
        MasterChannel c = channel(ChannelOptions.defaults());
        for (int i = 0; i < 12; i++) {
            c.messenger().post("t" + i);
        }
        c.messenger().flush();
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "t5\nt6\nt7\nt8\nt9\nt10\nt11\n(7 messages merged)"),
                texts(c));
    }

    @Test
    void textLongerThanTheLimitIsSplitWithoutLoss() throws Exception {
        MasterChannel c = channel(new ChannelOptions(Duration.ofSeconds(5), Duration.ofMillis(1100), 5, 10));
        c.messenger().post("abcdefghijklmnopqrstuvwxy");
        c.messenger().flush();
        assertEquals(List.of("abcdefghij", "klmnopqrst", "uvwxy"), texts(c));
    }
}
