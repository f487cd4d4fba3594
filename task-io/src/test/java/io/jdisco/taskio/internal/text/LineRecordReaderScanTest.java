package io.jdisco.taskio.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time newline search agrees with a byte loop wherever the newline is. */
class LineRecordReaderScanTest {
    private static int byteLoop(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theFirstNewlineIsFoundAtEveryPositionAndAlignment() {
        for (int len = 0; len < 40; len++) {
            for (int from = 0; from <= len; from++) {
                for (int nl = -1; nl < len; nl++) {
                    byte[] b = new byte[len];
                    java.util.Arrays.fill(b, (byte) 'a');
                    if (nl >= 0) {
                        b[nl] = '\n';
                    }
                    assertEquals(byteLoop(b, from, len), LineRecordReader.indexOfNewline(b, from, len),
                            "len " + len + " from " + from + " newline at " + nl);
                }
            }
        }
    }

    @Test
    void bytesNextToTheNewlineValueAndHighBytesAreNoNewlines() {
        Random random = new Random(11);
        byte[] near = {0x09, 0x0B, (byte) 0x8A, 0x0A ^ 0x01, (byte) 0xFF, 0x00, 0x1A, (byte) 0x80};
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[1 + random.nextInt(64)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(8) == 0 ? (byte) '\n' : near[random.nextInt(near.length)];
            }
            int from = random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            assertEquals(byteLoop(b, from, to), LineRecordReader.indexOfNewline(b, from, to));
        }
    }
}
