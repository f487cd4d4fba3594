package io.jdisco.taskio.plain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdisco.worker.Bytes;
import java.io.ByteArrayOutputStream;
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
}
