package io.jdisco.worker.core.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.OkReply;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Printed lines become trimmed status texts; nothing printed reaches the protocol stream raw. */
class StatusOutputStreamTest {
    @Test
    void eachPrintedLineBecomesOneTrimmedMsgAndBlankLinesAreDropped() throws Exception {
        FakeMaster.Connection c = FakeMaster.connect((m, out) -> out.send(OkReply.ok()), ChannelOptions.defaults());
        FakeMaster master = c.master();
        MasterChannel channel = c.channel();
        PrintStream out = StatusOutputStream.printStream(channel.messenger());
        out.println("  first \u00e9  ");
        out.println();
        out.print("partial");
        out.write(new byte[] {(byte) 0xff, 'x', '\n'});
        out.print("tail");
        out.flush();
        channel.messenger().flush();
        channel.end(new DoneMessage());
        master.awaitEnd(Duration.ofSeconds(10));
        List<Object> texts = new ArrayList<>();
        master.messages().forEach(m -> texts.add(m.body()));
        assertEquals(List.of("first \u00e9", "partial\ufffdx", "tail", ""), texts);
        assertEquals("MSG 14 \"first \\u00e9\"\n",
                new String(master.received().get(0).frame().encode(), StandardCharsets.UTF_8));
    }
}
