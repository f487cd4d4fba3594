package io.jdisco.taskio.plain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineBufferTest {
    private static Bytes filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return Bytes.of(b);
    }

    @Test
    void linesComeOutInOrderAcrossBufferBoundsAndPastTheBufferSize() throws Exception {
        Bytes[] fields = {filled(10, 'a'), filled(LineBuffer.SIZE - 11, 'b'), filled(LineBuffer.SIZE + 5, 'c'),
                Bytes.EMPTY, filled(3, 'd'), filled(LineBuffer.SIZE, 'e')};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        LineBuffer lines = new LineBuffer(sink);
        for (Bytes f : fields) {
            lines.put(f);
            lines.put(filled(2, 'x'));
            lines.endLine();
            expected.writeBytes(f.toByteArray());
            expected.writeBytes(new byte[] {'x', 'x', '\n'});
        }
        lines.drain();
        assertArrayEquals(expected.toByteArray(), sink.toByteArray());
    }

    @Test
    void numbersAreSpelledAsLongToStringSpellsThem() throws Exception {
        long[] values = {0, 7, -7, 10, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -10};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        LineBuffer lines = new LineBuffer(sink);
        for (long v : values) {
            lines.putLong(v);
            lines.putByte('\t');
            lines.endLine();
            expected.append(v).append("\t\n");
        }
        lines.drain();
        assertEquals(expected.toString(), sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void numbersAndBytesThatMeetTheBufferEndAreWrittenWhole() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        LineBuffer lines = new LineBuffer(sink);
        for (int i = 0; i < 20_000; i++) {
            lines.putLong(Long.MAX_VALUE - i);
            lines.putByte(' ');
            expected.append(Long.MAX_VALUE - i).append(' ');
        }
        lines.drain();
        assertEquals(expected.toString(), sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void arrayRangesComeOutAsTheirBytesAcrossBufferBounds() throws Exception {
        byte[] source = filled(LineBuffer.SIZE * 2 + 40, 'r').toByteArray();
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) i;
        }
        int[][] ranges = {{3, 10}, {0, LineBuffer.SIZE - 20}, {5, LineBuffer.SIZE + 7}, {0, 0}, {source.length - 1, 1}};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        LineBuffer lines = new LineBuffer(sink);
        for (int[] r : ranges) {
            lines.put(source, r[0], r[1]);
            lines.endLine();
            expected.write(source, r[0], r[1]);
            expected.write('\n');
        }
        lines.drain();
        assertArrayEquals(expected.toByteArray(), sink.toByteArray());
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> lines.put(source, source.length, 1));
    }
}
