package io.jdisco.worker.classic.internal.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortKeyEncoderTest {
    private final SortKeyEncoder encoder = new SortKeyEncoder();

    private int compare(Object a, Object b) {
        return Integer.signum(Arrays.compareUnsigned(encoder.encode(a), encoder.encode(b)));
    }

    private void assertOrdered(List<?> expected) {
        List<Object> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort((a, b) -> Arrays.compareUnsigned(encoder.encode(a), encoder.encode(b)));
        assertEquals(expected, shuffled);
    }

    @Test
    void stringsSortByCodePointNotByLength() {
        assertOrdered(List.of("", "a", "aa", "ab", "b", "z", "\u00e9", "\uffff", "\ud83d\ude00"));
    }

    @Test
    void embeddedNulBytesKeepOrder() {
        assertOrdered(List.of(Bytes.EMPTY, Bytes.of(new byte[] {0}), Bytes.of(new byte[] {0, 0}),
                Bytes.of(new byte[] {0, 1}), Bytes.of(new byte[] {1}), Bytes.of(new byte[] {(byte) 0xff})));
    }

    @Test
    void bytesAreTaggedEscapedAndTerminated() {
        assertArrayEquals(new byte[] {0x30, 'a', 'b', 0, 0}, encoder.encode(Bytes.utf8("ab")));
        assertArrayEquals(new byte[] {0x30, 'a', 0, (byte) 0xff, 'b', 0, 0},
                encoder.encode(Bytes.of(new byte[] {'a', 0, 'b'})));
    }

    @Test
    void bytesSortUnsigned() {
        assertTrue(compare(Bytes.of(new byte[] {0x7f}), Bytes.of(new byte[] {(byte) 0x80})) < 0);
    }

    @Test
    void integersSortByValueAcrossTypes() {
        assertOrdered(List.of(BigInteger.TWO.pow(70).negate(), Long.MIN_VALUE, -300L, -2L, -1L, 0L, 1L, 2L, 3L,
                255L, 256L, Long.MAX_VALUE, BigInteger.TWO.pow(70)));
        assertEquals(0, compare(5, 5L));
        assertEquals(0, compare(BigInteger.valueOf(7), 7L));
    }

    @Test
    void doublesInterleaveWithIntegersByValue() {
        assertOrdered(List.of(Double.NEGATIVE_INFINITY, -2.5, -2L, -1.0e-300, 0L, Double.MIN_VALUE, 0.5, 1L, 1.5,
                2L, 1e300, Double.POSITIVE_INFINITY, Double.NaN));
        assertEquals(0, compare(2.0, 2L));
    }

    @Test
    void booleansAreZeroAndOne() {
        assertEquals(0, compare(true, 1L));
        assertEquals(0, compare(false, 0L));
    }

    @Test
    void tuplesCompareElementByElementShorterFirst() {
        assertOrdered(List.of(Tuple.EMPTY, Tuple.of("a"), Tuple.of("a", 1L), Tuple.of("a", 2L), Tuple.of("a", 2L, 0L),
                Tuple.of("b")));
    }

    @Test
    void typesOrderByTag() {
        assertOrdered(Arrays.asList(null, -1L, 3.5, Bytes.utf8("a"), "a", Tuple.of(1L), List.of(1L)));
    }

    @Test
    void randomLongsSortLikeLongCompare() {
        Random r = new Random(42);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            values.add(r.nextLong() >> r.nextInt(64));
        }
        List<Object> expected = new ArrayList<>(values);
        expected.sort((a, b) -> Long.compare((Long) a, (Long) b));
        assertOrdered(expected);
    }

    @Test
    void randomDoublesSortLikeDoubleCompare() {
        Random r = new Random(43);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isNaN(d)) {
                values.add(d == 0.0 ? 0.0 : d);
            }
        }
        values.sort((a, b) -> Double.compare((Double) a, (Double) b));
        assertOrdered(values);
    }

    @Test
    void mapKeysAreRefusedNamingTheType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.encode(Map.of()));
        assertTrue(e.getMessage().contains("Map"), e.getMessage());
    }
}
