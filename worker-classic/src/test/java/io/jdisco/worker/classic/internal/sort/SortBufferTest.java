package io.jdisco.worker.classic.internal.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortBufferTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void add(SortBuffer buffer, byte[] key, byte[] record) {
        buffer.add(key, key.length, record, record.length);
    }

    /** (key, record) of every entry in the buffer's order. */
    private static List<byte[][]> entries(SortBuffer buffer) {
        List<byte[][]> out = new ArrayList<>();
        SortBuffer.Cursor c = buffer.cursor();
        while (c.advance()) {
            byte[] d = c.data();
            out.add(new byte[][] {
                Arrays.copyOfRange(d, c.keyOffset(), c.keyOffset() + c.keyLength()),
                Arrays.copyOfRange(d, c.recordOffset(), c.recordOffset() + c.recordLength())});
        }
        return out;
    }

    @Test
    void sortsRandomKeysByUnsignedBytesKeepingInsertionOrderOfEqualKeys() {
        Random r = new Random(7);
        SortBuffer buffer = new SortBuffer(1 << 16);
        List<byte[][]> added = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            byte[] key = new byte[r.nextInt(12)];
            for (int j = 0; j < key.length; j++) {
                key[j] = (byte) (r.nextBoolean() ? r.nextInt(3) : r.nextInt(256)); // many shared prefixes and zero bytes
            }
            byte[] record = b("#" + i);
            add(buffer, key, record);
            added.add(new byte[][] {key, record});
        }
        List<byte[][]> expected = new ArrayList<>(added);
        expected.sort(Comparator.comparing((byte[][] e) -> e[0], Arrays::compareUnsigned)); // List.sort is stable
        buffer.sort();
        List<byte[][]> sorted = entries(buffer);
        assertEquals(expected.size(), sorted.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i)[0], sorted.get(i)[0], "key at " + i);
            assertArrayEquals(expected.get(i)[1], sorted.get(i)[1], "record at " + i);
        }
    }

    @Test
    void ordersAKeyBeforeItsExtensionWithZeroBytes() {
        SortBuffer buffer = new SortBuffer(1 << 16);
        add(buffer, b("ab\0"), b("2"));
        add(buffer, b("ab"), b("1"));
        add(buffer, b("ab\0\0\0\0\0\0\0"), b("3"));
        buffer.sort();
        List<byte[][]> sorted = entries(buffer);
        assertArrayEquals(b("1"), sorted.get(0)[1]);
        assertArrayEquals(b("2"), sorted.get(1)[1]);
        assertArrayEquals(b("3"), sorted.get(2)[1]);
    }

    @Test
    void holdsAnEntryLargerThanABlock() {
        SortBuffer buffer = new SortBuffer(1 << 16);
        byte[] big = new byte[3 * SortBuffer.MAX_BLOCK_BYTES];
        Arrays.fill(big, (byte) 'x');
        add(buffer, b("b"), big);
        add(buffer, b("a"), b("small"));
        buffer.sort();
        List<byte[][]> sorted = entries(buffer);
        assertArrayEquals(b("small"), sorted.get(0)[1]);
        assertArrayEquals(big, sorted.get(1)[1]);
    }

    @Test
    void countsItsBlocksAndIndexInItsSize() {
        SortBuffer buffer = new SortBuffer(1 << 16);
        assertEquals(0, buffer.bytes());
        add(buffer, b("k"), b("v"));
        assertEquals(4096 + SortBuffer.INDEX_BYTES_PER_ENTRY, buffer.bytes());
    }

    @Test
    void clearForgetsEveryEntry() {
        SortBuffer buffer = new SortBuffer(1 << 16);
        add(buffer, b("k"), b("v"));
        buffer.clear();
        assertEquals(0, buffer.size());
        assertEquals(0, buffer.bytes());
        assertFalse(buffer.cursor().advance());
    }
}
