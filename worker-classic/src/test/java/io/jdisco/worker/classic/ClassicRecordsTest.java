package io.jdisco.worker.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassicRecordsTest {
    @Test
    void aPairIsItselfAndAnythingElseIsAKeyWithoutValue() {
        Tuple pair = Tuple.pair("k", 1L);
        assertSame(pair, ClassicRecords.asPair(pair));
        Bytes line = Bytes.latin1("a line\n");
        assertEquals(Tuple.pair(line, null), ClassicRecords.asPair(line));
        Tuple triple = Tuple.of("a", "b", "c");
        assertEquals(Tuple.pair(triple, null), ClassicRecords.asPair(triple));
    }

    @Test
    void theSortOrderIsByCodePointUnsignedBytesAndNumericValue() {
        Comparator<Object> order = ClassicRecords.sortOrder();
        List<Object> keys = new ArrayList<>(Arrays.asList("b", "aa", "\uD83D\uDE00", "\uFFFD"));
        keys.sort(order);
        assertEquals(List.of("aa", "b", "\uFFFD", "\uD83D\uDE00"), keys, "code points, not UTF-16 units");
        List<Object> bytes = new ArrayList<>(List.of(Bytes.of(new byte[] {(byte) 0xFF}), Bytes.of(new byte[] {1})));
        bytes.sort(order);
        assertEquals(List.of(Bytes.of(new byte[] {1}), Bytes.of(new byte[] {(byte) 0xFF})), bytes);
        List<Object> numbers = new ArrayList<>(List.of(2.5, BigInteger.TEN.pow(20), -3L, 2));
        numbers.sort(order);
        assertEquals(List.of(-3L, 2, 2.5, BigInteger.TEN.pow(20)), numbers);
    }

    @Test
    void pairsOrderByKeyThenValue() {
        List<Tuple> pairs = new ArrayList<>(List.of(Tuple.pair("b", 1L), Tuple.pair("a", 2L), Tuple.pair("a", 1L)));
        pairs.sort(ClassicRecords.sortOrder());
        assertEquals(List.of(Tuple.pair("a", 1L), Tuple.pair("a", 2L), Tuple.pair("b", 1L)), pairs);
    }

    @Test
    void aValueWithoutOrderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassicRecords.sortOrder().compare(Map.of(), "a"));
    }
}
