package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code re_reader} (SPEC §7.8). */
class ReReaderTest {
    private final TestContext ctx = new TestContext();

    List<Tuple> read(ReaderStage<Tuple> stage, String data, long size) throws IOException {
        byte[] b = data.getBytes(StandardCharsets.ISO_8859_1);
        List<Tuple> out = new ArrayList<>();
        InputLink start = new InputLink(new ByteArrayInputStream(b), size, "re://in");
        try (RecordReader<Tuple> r = InputChain.of(List.of(), stage).open(start, ctx)) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    static Bytes b(String s) {
        return Bytes.latin1(s);
    }

    @Test
    void yieldsTheGroupsOfEachAnchoredMatch() throws IOException {
        String html = "<HTML>one</HTML><HTML>t\nwo</HTML>";
        assertEquals(List.of(Tuple.of(b("one")), Tuple.of(b("t\nwo"))),
                read(TaskIo.reReader("<HTML>((?s).*?)</HTML>", false, 1024), html, html.length()));
    }

    @Test
    void matchesBytesAsLatin1() throws IOException {
        String data = "\u00ff\u0000;\u0080;";
        assertEquals(List.of(Tuple.of(b("\u00ff\u0000")), Tuple.of(b("\u0080"))),
                read(TaskIo.reReader("([^;]*);", false, 1024), data, -1));
    }

    @Test
    void outputTailYieldsTheUnmatchedRest() throws IOException {
        assertEquals(List.of(Tuple.of(b("a"), null), Tuple.of(b("rest"))),
                read(TaskIo.reReader("(a)(b)?\n", true, 1024), "a\nrest", 6));
    }

    @Test
    void withoutOutputTailTheRestIsReportedAsAMessage() throws IOException {
        assertEquals(List.of(Tuple.of(b("a"))), read(TaskIo.reReader("(a)\n", false, 1024), "a\nrest", 6));
        assertEquals(List.of("Couldn't match the last 4 bytes in re://in. Some bytes may be missing from input."),
                ctx.messages);
    }

    @Test
    void aPatternThatNeverMatchesStopsAtTheRecordBound() {
        String data = "x".repeat(100_000);
        DataException e = assertThrows(DataException.class, () -> read(TaskIo.reReader("(y)", false, 20_000), data, -1));
        assertTrue(e.detail().startsWith("No match for (y) within 20000 bytes at offset 0"), e.detail());
    }

    @Test
    void aPatternMatchingTheEmptyStringFailsInsteadOfLoopingForever() {
        DiscoException e = assertThrows(DiscoException.class, () -> read(TaskIo.reReader("(a*)", false, 100), "aab", -1));
        assertTrue(e.getMessage().contains("matched the empty string at byte 2"), e.getMessage());
    }

    @Test
    void matchesAcrossReadBlocks() throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Tuple> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            sb.append("rec").append(i).append(';');
            expected.add(Tuple.of(b("rec" + i)));
        }
        assertEquals(expected, read(TaskIo.reReader("([^;]+);", false, 1024), sb.toString(), sb.length()));
    }
}
