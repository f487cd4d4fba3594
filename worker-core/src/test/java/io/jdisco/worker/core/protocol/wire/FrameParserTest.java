package io.jdisco.worker.core.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.protocol.wire.FrameException.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The master parser's own unit-test vectors (SPEC §2.1.2) and the stream reader's error cases. */
class FrameParserTest {
    private static FrameParser.Result parse(String s) throws FrameException {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return FrameParser.parse(b, b.length, 0);
    }

    private static FrameException fails(String s) {
        return assertThrows(FrameException.class, () -> parse(s));
    }

    @Test
    void lengthNotYetCompleteWaitsInLengthState() throws Exception {
        FrameParser.Result r = parse("FOO 1");
        assertNull(r.frame());
        assertEquals(FrameParser.State.LENGTH, r.state());
        assertEquals("FOO", r.pendingName());
    }

    @Test
    void bodyNotYetCompleteWaitsForTotalOfTen() throws Exception {
        FrameParser.Result r = parse("FOO 3 bar");
        assertEquals(FrameParser.State.BODY, r.state());
        assertEquals(10, r.pendingTotal());
    }

    @Test
    void elevenBytesWithoutSpaceAreInvalidType() {
        FrameException e = fails("01234567890abc");
        assertEquals(Kind.INVALID_TYPE, e.kind());
        assertTrue(e.getMessage().contains("at byte 0"), e.getMessage());
        assertTrue(e.getMessage().contains("01234567890abc"), e.getMessage());
    }

    @Test
    void tooLongLengthIsInvalidLength() {
        assertEquals(Kind.INVALID_LENGTH, fails("FOO 01234567890abc ").kind());
    }

    @Test
    void nonNumericLengthIsInvalidLength() {
        FrameException e = fails("FOO BAR ");
        assertEquals(Kind.INVALID_LENGTH, e.kind());
        assertTrue(e.getMessage().contains("'BAR'"), e.getMessage());
    }

    @Test
    void negativeLengthIsInvalidLength() {
        assertEquals(Kind.INVALID_LENGTH, fails("FOO -1 x\n").kind());
    }

    @Test
    void lengthOverHundredMebibytesIsTooBig() {
        FrameException e = fails("FOO 1000000000 ");
        assertEquals(Kind.MESSAGE_TOO_BIG, e.kind());
        assertTrue(e.getMessage().contains("1000000000"), e.getMessage());
    }

    @Test
    void bodyNotFollowedByNewlineIsInvalidBody() {
        assertEquals(Kind.INVALID_BODY, fails("FOO 3 bar ").kind());
    }

    @Test
    void completeFrameLeavesNothing() throws Exception {
        FrameParser.Result r = parse("FOO 3 bar\n");
        assertEquals("FOO", r.frame().name());
        assertEquals("bar", r.frame().bodyText());
        assertEquals(10, r.consumed());
    }

    @Test
    void emptyBodyIsAllowed() throws Exception {
        FrameParser.Result r = parse("FOO 0 \n");
        assertEquals(0, r.frame().body().length);
        assertEquals(7, r.consumed());
    }

    @Test
    void backToBackFramesParseInTurnAndLeaveTail() throws Exception {
        byte[] all = "ABC 3 abc\nDEFG 2 ab\nHIJKL 1 a\ntail".getBytes(StandardCharsets.US_ASCII);
        String[] names = {"ABC", "DEFG", "HIJKL"};
        String[] bodies = {"abc", "ab", "a"};
        int at = 0;
        for (int i = 0; i < 3; i++) {
            byte[] rest = java.util.Arrays.copyOfRange(all, at, all.length);
            FrameParser.Result r = FrameParser.parse(rest, rest.length, at);
            assertEquals(names[i], r.frame().name());
            assertEquals(bodies[i], r.frame().bodyText());
            at += r.consumed();
        }
        assertEquals("tail", new String(all, at, all.length - at, StandardCharsets.US_ASCII));
    }

    @Test
    void readerReadsFramesAcrossChunks() throws Exception {
        FrameReader reader = new FrameReader(new TrickleStream("OK 4 \"ok\"\nINPUT 2 \"\"\n"));
        assertEquals(new Frame("OK", "\"ok\"".getBytes(StandardCharsets.US_ASCII)), reader.next());
        assertEquals("INPUT", reader.next().name());
        assertNull(reader.next());
    }

    @Test
    void streamEndingInsideFrameIsPartialFrameNamingOffsetAndName() throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream("OK 4 \"ok\"\nTASK 10 {\"a\"".getBytes(
                StandardCharsets.US_ASCII)));
        reader.next();
        FrameException e = assertThrows(FrameException.class, reader::next);
        assertEquals(Kind.PARTIAL_FRAME, e.kind());
        assertEquals(10, e.offset());
        assertTrue(e.getMessage().contains("named TASK"), e.getMessage());
    }

    @Test
    void readerReportsMalformedFrameAtItsStreamOffset() throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream("OK 4 \"ok\"\nOK 4 \"ok\"X".getBytes(
                StandardCharsets.US_ASCII)));
        reader.next();
        FrameException e = assertThrows(FrameException.class, reader::next);
        assertEquals(Kind.INVALID_BODY, e.kind());
        assertEquals(10, e.offset());
    }

    @Test
    void encodedFrameCountsUtf8Bytes() {
        Frame f = new Frame("MSG", "\"\u00e9\"".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("MSG 4 \"\u00e9\"\n".getBytes(StandardCharsets.UTF_8), f.encode());
    }

    /** Delivers one byte per read. */
    private static final class TrickleStream extends java.io.InputStream {
        private final byte[] data;
        private int at;

        TrickleStream(String s) {
            data = s.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= data.length) {
                return -1;
            }
            b[off] = data[at++];
            return 1;
        }
    }
}
