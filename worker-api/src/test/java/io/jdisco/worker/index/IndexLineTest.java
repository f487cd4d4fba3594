package io.jdisco.worker.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexLineTest {
    private static final String URL = "disco://n1/disco/n1/97/Job/0e/map:0-n1-0-3f-1/map-0-n1-2";

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writtenLinesReadBackAsTheyWereWritten() throws IOException {
        IndexLine a = new IndexLine(2, URL, 1234);
        IndexLine b = new IndexLine(0, "disco://n1/disco/x", 0);
        assertEquals("2 " + URL + " 1234\n", a.text());
        assertEquals(List.of(a, b), IndexLine.readAll(bytes(a.text() + b.text()), "dir://n1/i"));
    }

    @Test
    void fieldsSplitOnRunsOfWhiteSpaceAndALastLineNeedsNoLf() throws IOException {
        assertEquals(List.of(new IndexLine(3, "u1", 7), new IndexLine(4, "u2", 8)),
                IndexLine.readAll(bytes("  3\tu1   7 \r\n4 u2 8"), "dir://n1/i"));
    }

    @Test
    void emptyIndexHasNoLines() throws IOException {
        assertEquals(List.of(), IndexLine.readAll(bytes(""), "dir://n1/i"));
    }

    @Test
    void malformedLinesNameTheSourceTheLineNumberAndTheReason() {
        DataException fields = assertThrows(DataException.class,
                () -> IndexLine.readAll(bytes("0 u 1\n0 u\n"), "dir://n1/i"));
        assertEquals("dir://n1/i", fields.url());
        assertTrue(fields.detail().contains("malformed index line 2 \"0 u\""), fields.detail());
        assertTrue(fields.detail().contains("expected <label> <url> <size>"), fields.detail());

        DataException number = assertThrows(DataException.class, () -> IndexLine.parse("x u 1", 5, "f"));
        assertTrue(number.detail().contains("line 5") && number.detail().contains("whole numbers"), number.detail());

        DataException negative = assertThrows(DataException.class, () -> IndexLine.parse("-1 u 1", 1, "f"));
        assertTrue(negative.detail().contains(">= 0"), negative.detail());

        DataException blank = assertThrows(DataException.class, () -> IndexLine.readAll(bytes("0 u 1\n\n"), "f"));
        assertTrue(blank.detail().contains("line 2"), blank.detail());
    }

    @Test
    void aLineLongerThanTheLimitStopsTheRead() {
        ByteArrayInputStream longLine = bytes("0 " + "u".repeat(IndexLine.MAX_LINE_BYTES) + " 1\n");
        DataException e = assertThrows(DataException.class, () -> IndexLine.readAll(longLine, "dir://n1/i"));
        assertTrue(e.detail().contains("index line 1 is longer than " + IndexLine.MAX_LINE_BYTES), e.detail());
    }

    @Test
    void aLineThatCouldNotBeReadBackIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IndexLine(-1, "u", 0));
        assertThrows(IllegalArgumentException.class, () -> new IndexLine(0, "u", -1));
        assertThrows(IllegalArgumentException.class, () -> new IndexLine(0, "a b", 0));
        assertThrows(IllegalArgumentException.class, () -> new IndexLine(0, "", 0));
        assertThrows(NullPointerException.class, () -> new IndexLine(0, null, 0));
    }
}
