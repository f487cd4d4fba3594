package io.jdisco.worker.core.protocol.pipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class KeepOpenOutputStreamTest {
    @Test
    void closeFlushesAndLeavesTheUnderlyingStreamUsable() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int[] closes = {0};
        OutputStream counted = new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void close() {
                closes[0]++;
            }
        });
        try (OutputStream first = new KeepOpenOutputStream(counted)) {
            first.write(new byte[] {1, 2});
        }
        assertArrayEquals(new byte[] {1, 2}, sink.toByteArray(), "close flushed the buffered bytes");
        try (OutputStream second = new KeepOpenOutputStream(counted)) {
            second.write(new byte[] {3});
        }
        assertArrayEquals(new byte[] {1, 2, 3}, sink.toByteArray());
        assertEquals(0, closes[0], "the underlying stream was never closed");
    }
}
