package io.jdisco.worker.core.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
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

    @Test
    void aFlushSendsThePendingTextOnItsOwnThread() throws Exception {
        MemoryPipe toWorker = new MemoryPipe();
        MemoryPipe toMaster = new MemoryPipe();
        master = new FakeMaster(toMaster.source(), toWorker.sink(), (m, out) -> out.send(OkReply.ok())).start();
        List<String> writers = java.util.Collections.synchronizedList(new ArrayList<>());
        java.io.OutputStream recording = new java.io.FilterOutputStream(toMaster.sink()) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                if (new String(b, off, Math.min(len, 4), java.nio.charset.StandardCharsets.US_ASCII).equals("MSG ")) {
                    writers.add(Thread.currentThread().getName());
                }
                out.write(b, off, len);
            }
        };
        MasterChannel c = new MasterChannel(toWorker.source(), recording, ChannelOptions.defaults());
        String self = Thread.currentThread().getName();
        // the pump, woken by each post, may win the race for any one text (it did, five times in a
        // row, on a busy machine); before, it sent every one. Rounds of as many texts as the
        // throttle lets through in a window (a text held back is the pump's), then the window's
        // length for the throttle to let go, until the flushing thread has sent one: 10 rounds at most
        List<String> posted = new ArrayList<>();
        for (int round = 0; round < 10 && !writers.contains(self); round++) {
            if (round > 0) {
                Thread.sleep(ChannelOptions.defaults().msgWindow().toMillis()); // the throttle's window
            }
            for (int i = 0; i < ChannelOptions.defaults().msgsPerWindow() && !writers.contains(self); i++) {
                String text = "s" + posted.size();
                c.messenger().post(text);
                c.messenger().flush();
                posted.add(text);
            }
        }
        assertEquals(posted, texts(c));
        assertTrue(writers.contains(self), "the flushing thread sent MSGs, not only the pump: " + writers);
    }
}
