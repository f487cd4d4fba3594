package io.jdisco.taskio.plain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteBlocksTest {
    @Test
    void blocksAreFullButTheLastAndHoldTheInputInOrder() throws Exception {
        byte[] data = new byte[2 * ByteBlocks.BLOCK + 5];
        new Random(3).nextBytes(data);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (RecordReader<byte[]> r = new ByteBlocks().open(new InputLink(new ByteArrayInputStream(data), data.length,
                "raw://x"), null)) {
            for (int expected : new int[] {ByteBlocks.BLOCK, ByteBlocks.BLOCK, 5}) {
                assertTrue(r.advance());
                assertEquals(expected, r.current().length);
                copy.writeBytes(r.current());
            }
            assertFalse(r.advance());
        }
        assertArrayEquals(data, copy.toByteArray());
    }

    @Test
    void anEmptyInputHasNoBlock() throws Exception {
        try (RecordReader<byte[]> r = new ByteBlocks().open(new InputLink(new ByteArrayInputStream(new byte[0]), 0,
                "raw://"), null)) {
            assertFalse(r.advance());
        }
    }
}
