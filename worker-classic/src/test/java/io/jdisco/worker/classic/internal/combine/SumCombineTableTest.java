package io.jdisco.worker.classic.internal.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SumCombineTableTest {
    private static void add(SumCombineTable t, Object key, int label, Object value) {
        int h = SumCombineTable.hash(key);
        int e = t.find(key, h);
        if (e >= 0) {
            t.add(e, value);
        } else {
            t.insert(key, h, label, value);
        }
    }

    private static List<List<Object>> entries(SumCombineTable t) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        t.forEach((label, key, sum) -> out.add(List.of(label, key, sum)));
        return out;
    }

    @Test
    void sumsPerKeyInArrivalOrderWithEachKeysLabel() throws Exception {
        SumCombineTable t = new SumCombineTable();
        add(t, Bytes.latin1("b"), 1, 1L);
        add(t, Bytes.latin1("a"), 0, 1L);
        add(t, Bytes.latin1("b"), 1, 5L);
        assertEquals(List.of(List.of(1, Bytes.latin1("b"), 6L), List.of(0, Bytes.latin1("a"), 1L)), entries(t));
    }

    @Test
    void keepsEveryKeyWhenItGrowsPastItsFirstCapacity() throws Exception {
        SumCombineTable t = new SumCombineTable();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5000; i++) {
                add(t, "k" + i, i % 3, 1L);
            }
        }
        List<List<Object>> e = entries(t);
        assertEquals(5000, e.size());
        assertTrue(e.stream().allMatch(x -> x.get(2).equals(3L)), "every key summed three times");
        assertEquals(List.of(1, "k4999", 3L), e.get(4999));
    }

    @Test
    void widensToBigIntegerOnOverflowAsAddDoes() throws Exception {
        SumCombineTable t = new SumCombineTable();
        add(t, "x", 0, Long.MAX_VALUE);
        add(t, "x", 0, 1L);
        add(t, "x", 0, 1L);
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.TWO), entries(t).get(0).get(2));
    }

    @Test
    void mixesIntegersAndDoublesAsAddDoes() throws Exception {
        SumCombineTable t = new SumCombineTable();
        add(t, "i", 0, 2);
        add(t, "d", 0, 1L);
        add(t, "d", 0, 0.5);
        assertEquals(List.of(List.of(0, "i", 2L), List.of(0, "d", 1.5)), entries(t));
    }

    @Test
    void refusesANonNumberEvenForAKeySeenOnce() {
        SumCombineTable t = new SumCombineTable();
        assertThrows(IllegalArgumentException.class, () -> add(t, "k", 0, "text"));
        assertThrows(IllegalArgumentException.class, () -> add(t, "k", 0, null));
    }

    @Test
    void nullKeyIsAKeyLikeAnyOther() throws Exception {
        SumCombineTable t = new SumCombineTable();
        add(t, null, 0, 1L);
        add(t, null, 0, 2L);
        List<Tuple> seen = new ArrayList<>();
        t.forEach((label, key, sum) -> seen.add(Tuple.of(label, key, sum)));
        assertEquals(List.of(Tuple.of(0, null, 3L)), seen);
    }

    @Test
    void clearDropsEntriesAndTheirBytes() throws Exception {
        SumCombineTable t = new SumCombineTable();
        add(t, Bytes.latin1("word"), 0, 1L);
        assertTrue(t.approximateBytes() > 0);
        t.clear();
        assertEquals(0, t.size());
        assertEquals(0, t.approximateBytes());
        assertEquals(List.of(), entries(t));
    }
}
