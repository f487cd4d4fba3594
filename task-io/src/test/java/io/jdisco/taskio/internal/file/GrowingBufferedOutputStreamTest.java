package io.jdisco.taskio.internal.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The output buffer that grows from small to its largest size before it writes out. */
class GrowingBufferedOutputStreamTest {
    /** Records the size of each write that reaches it. */
    private static final class Recording extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            writes.add(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(len);
            bytes.write(b, off, len);
        }
    }

    @Test
    void bytesPassThroughInOrderWhateverTheWriteSizes() throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Recording sink = new Recording();
        try (GrowingBufferedOutputStream out = new GrowingBufferedOutputStream(sink, 16, 256)) {
            for (int i = 0; i < 2_000; i++) {
                if (random.nextInt(5) == 0) {
                    int b = random.nextInt(256);
                    out.write(b);
                    expected.write(b);
                } else {
                    byte[] chunk = new byte[random.nextInt(400)];
                    random.nextBytes(chunk);
                    out.write(chunk, 0, chunk.length);
                    expected.write(chunk, 0, chunk.length);
                }
            }
        }
        assertArrayEquals(expected.toByteArray(), sink.bytes.toByteArray());
    }

    @Test
    void nothingIsWrittenUntilTheLargestBufferIsFull() throws IOException {
        Recording sink = new Recording();
        GrowingBufferedOutputStream out = new GrowingBufferedOutputStream(sink, 16, 256);
        for (int i = 0; i < 256; i++) {
            out.write(i);
        }
        assertEquals(List.of(), sink.writes, "grown from 16 to 256 bytes, nothing written yet");
        out.write(0);
        assertEquals(List.of(256), sink.writes, "full at its largest: written out whole");
    }

    @Test
    void aWriteAsLargeAsTheLargestBufferGoesStraightThroughAfterWhatWasBuffered() throws IOException {
        Recording sink = new Recording();
        GrowingBufferedOutputStream out = new GrowingBufferedOutputStream(sink, 16, 256);
        out.write(new byte[10], 0, 10);
        out.write(new byte[300], 0, 300);
        assertEquals(List.of(10, 300), sink.writes);
    }

    @Test
    void flushAndCloseWriteWhatIsBuffered() throws IOException {
        Recording sink = new Recording();
        GrowingBufferedOutputStream out = new GrowingBufferedOutputStream(sink, 16, 256);
        out.write(new byte[5], 0, 5);
        out.flush();
        out.write(new byte[3], 0, 3);
        out.close();
        assertEquals(List.of(5, 3), sink.writes);
    }
}
