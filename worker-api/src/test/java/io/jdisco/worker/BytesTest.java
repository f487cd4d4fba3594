package io.jdisco.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void ordersBytesUnsignedLikePython() {
        Bytes low = Bytes.of(new byte[] {0x7f});
        Bytes high = Bytes.of(new byte[] {(byte) 0x80});
        assertTrue(low.compareTo(high) < 0, "0x7f sorts before 0x80");
    }

    @Test
    void ordersPrefixBeforeLongerString() {
        assertTrue(Bytes.utf8("ab").compareTo(Bytes.utf8("abc")) < 0);
        assertTrue(Bytes.EMPTY.compareTo(Bytes.utf8("a")) < 0);
    }

    @Test
    void utf8OrderMatchesCodePointOrder() {
        List<String> words = new ArrayList<>(List.of("\uffff", "\ud83d\ude00", "z", "\u00e9"));
        List<Bytes> encoded = new ArrayList<>();
        words.forEach(w -> encoded.add(Bytes.utf8(w)));
        encoded.sort(null);
        assertEquals(List.of(Bytes.utf8("z"), Bytes.utf8("\u00e9"), Bytes.utf8("\uffff"),
                Bytes.utf8("\ud83d\ude00")), encoded);
    }

    @Test
    void copiesInputSoLaterWritesDoNotLeakIn() {
        byte[] raw = {1, 2, 3};
        Bytes b = Bytes.of(raw);
        raw[0] = 9;
        assertEquals(1, b.byteAt(0));
    }

    @Test
    void copiesOutputSoCallersCannotMutateIt() {
        Bytes b = Bytes.of(new byte[] {1, 2});
        b.toByteArray()[0] = 7;
        assertEquals(1, b.byteAt(0));
    }

    @Test
    void equalContentMeansEqualAndSameHash() {
        Bytes a = Bytes.utf8("word");
        Bytes b = Bytes.of("word".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Bytes.utf8("Word"));
    }

    @Test
    void rangeCopyTakesOnlyTheRange() {
        assertEquals(Bytes.utf8("bc"), Bytes.of("abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.of(new byte[2], 1, 2));
    }

    @Test
    void latin1RejectsWideCharactersNamingTheIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bytes.latin1("a\u20ac"));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
        assertEquals(Bytes.of(new byte[] {(byte) 0xe4}), Bytes.latin1("\u00e4"));
    }

    @Test
    void rendersAsPythonLiteral() {
        assertEquals("b'a\\x00\\n\\'\\xff'", Bytes.of(new byte[] {'a', 0, '\n', '\'', (byte) 0xff}).toString());
    }

    @Test
    void writesItsBytesToAStream() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bytes.utf8("xyz").writeTo(out);
        assertEquals("xyz", out.toString("UTF-8"));
    }

    @Test
    void sliceCopiesARangeAndChecksItsBounds() {
        Bytes b = Bytes.latin1("hello world");
        assertEquals(Bytes.latin1("world"), b.slice(6, 11));
        assertEquals(Bytes.EMPTY, b.slice(3, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> b.slice(4, 12));
    }

    @Test
    void contentEqualsComparesWithARangeOfAnArray() {
        byte[] arena = "xxwordyy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(Bytes.latin1("word").contentEquals(arena, 2, 4));
        assertFalse(Bytes.latin1("word").contentEquals(arena, 2, 5));
        assertFalse(Bytes.latin1("wore").contentEquals(arena, 2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.latin1("word").contentEquals(arena, 6, 4));
    }

    @Test
    void rangeEqualsComparesARangeWithARangeOfAnArray() {
        byte[] arena = "xxwordyy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Bytes line = Bytes.latin1("a word here");
        assertTrue(line.rangeEquals(2, 6, arena, 2));
        assertFalse(line.rangeEquals(2, 6, arena, 3));
        assertFalse(line.rangeEquals(1, 6, arena, 1));
        assertTrue(line.rangeEquals(3, 3, arena, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> line.rangeEquals(2, 12, arena, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> line.rangeEquals(2, 6, arena, 5));
    }

    @Test
    void hashCodeOfARangeIsTheHashCodeOfItsSlice() {
        Bytes line = Bytes.of(new byte[] {'a', ' ', (byte) 0xe9, 't', (byte) 0xff, ' '});
        for (int from = 0; from <= line.length(); from++) {
            for (int to = from; to <= line.length(); to++) {
                assertEquals(line.slice(from, to).hashCode(), line.hashCode(from, to), from + ".." + to);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> line.hashCode(3, 2));
    }

    @Test
    void copyToWritesTheBytesAtAnOffset() {
        byte[] dest = new byte[6];
        Bytes.latin1("abc").copyTo(dest, 2);
        assertArrayEquals(new byte[] {0, 0, 'a', 'b', 'c', 0}, dest);
    }
}
