package io.jdisco.worker.classic.internal.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytesSumTableTest {
    private static List<List<Object>> entries(BytesSumTable t) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        t.forEach((label, key, sum) -> out.add(List.of(label, key, sum)));
        return out;
    }

    /** A labeller giving every key {@code label}, noting each key it is asked for in {@code asked}. */
    private static KeySums.Labeller asking(List<Object> asked, int label) {
        return key -> {
            asked.add(key);
            return label;
        };
    }

    private static Bytes b(String s) {
        return Bytes.latin1(s);
    }

    @Test
    void sumsPerKeyInArrivalOrderAskingTheLabelOncePerKey() throws Exception {
        BytesSumTable t = new BytesSumTable();
        List<Object> asked = new ArrayList<>();
        KeySums.Labeller labeller = key -> {
            asked.add(key);
            return ((Bytes) key).length() % 2;
        };
        t.add(b("bb"), 1L, labeller);
        t.add(b("a"), 1L, labeller);
        t.add(b("bb"), 5L, labeller);
        assertEquals(List.of(List.of(0, b("bb"), 6L), List.of(1, b("a"), 1L)), entries(t));
        assertEquals(List.of(b("bb"), b("a")), asked);
    }

    @Test
    void aSliceOfALineIsTheSameKeyAsItsBytes() throws Exception {
        BytesSumTable t = new BytesSumTable();
        List<Object> asked = new ArrayList<>();
        KeySums.Labeller labeller = asking(asked, 3);
        Bytes line = b("to be or not to be");
        t.addSlice(line, 0, 2, 1L, labeller);
        t.add(b("to"), 1L, labeller);
        t.addSlice(line, 13, 15, 1L, labeller);
        t.addSlice(line, 3, 5, 2L, labeller);
        t.add(b("be"), 1L, labeller);
        t.addSlice(line, 0, line.length(), 1L, labeller);
        assertEquals(List.of(List.of(3, b("to"), 3L), List.of(3, b("be"), 3L), List.of(3, line, 1L)), entries(t));
        assertEquals(List.of(b("to"), b("be"), line), asked);
    }

    @Test
    void keysThatShareAPrefixOrAHashStayApart() throws Exception {
        BytesSumTable t = new BytesSumTable();
        // "Aa" and "BB" have the same Java hash code.
        for (String k : List.of("Aa", "BB", "A", "Aaa", "", "Aa")) {
            t.add(b(k), 1L, key -> -1);
        }
        assertEquals(List.of(List.of(-1, b("Aa"), 2L), List.of(-1, b("BB"), 1L), List.of(-1, b("A"), 1L),
                List.of(-1, b("Aaa"), 1L), List.of(-1, Bytes.EMPTY, 1L)), entries(t));
    }

    @Test
    void keepsEveryKeyWhenSlotsAndArenaGrow() throws Exception {
        BytesSumTable t = new BytesSumTable();
        String longKey = "x".repeat(100_000);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 20_000; i++) {
                t.add(b("word" + i), 2L, key -> 0);
            }
            t.add(b(longKey), 1L, key -> 0);
        }
        List<List<Object>> e = entries(t);
        assertEquals(20_001, t.size());
        assertEquals(20_001, e.size());
        assertTrue(e.subList(0, 20_000).stream().allMatch(x -> x.get(2).equals(4L)));
        assertEquals(List.of(0, b(longKey), 2L), e.get(20_000));
    }

    @Test
    void widensOnOverflowAndMixesDoublesAsAddDoes() throws Exception {
        BytesSumTable t = new BytesSumTable();
        t.add(b("big"), Long.MAX_VALUE, key -> 0);
        t.add(b("big"), 1L, key -> 0);
        t.add(b("big"), 1L, key -> 0);
        t.add(b("d"), 1, key -> 0);
        t.add(b("d"), 0.5, key -> 0);
        t.add(b("d"), 1L, key -> 0);
        assertEquals(List.of(List.of(0, b("big"), BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.TWO)),
                List.of(0, b("d"), 2.5)), entries(t));
    }

    @Test
    void refusesANonNumberEvenForAKeySeenOnce() {
        BytesSumTable t = new BytesSumTable();
        assertThrows(IllegalArgumentException.class, () -> t.add(b("k"), "text", key -> 0));
    }

    @Test
    void clearStartsAgainEmpty() throws Exception {
        BytesSumTable t = new BytesSumTable();
        t.add(b("k"), 1L, key -> 0);
        long before = t.approximateBytes();
        t.clear();
        t.add(b("k"), 1L, key -> 0);
        assertEquals(List.of(List.of(0, b("k"), 1L)), entries(t));
        assertEquals(before, t.approximateBytes());
    }

    @Test
    void queuedAddsAreMadeInArrivalOrderBeforeTheTableIsRead() throws Exception {
        BytesSumTable t = new BytesSumTable();
        List<Object> asked = new ArrayList<>();
        KeySums.Labeller labeller = asking(asked, 0);
        List<Bytes> expectedOrder = new ArrayList<>();
        for (int i = 0; i < 3 * BytesSumTable.LAG + 5; i++) {
            Bytes key = b("k" + (i % (BytesSumTable.LAG + 3)));
            t.add(key, 1L, labeller);
            if (!expectedOrder.contains(key)) {
                expectedOrder.add(key);
            }
        }
        assertEquals(BytesSumTable.LAG + 3, t.size());
        assertEquals(expectedOrder, asked);
        List<List<Object>> e = entries(t);
        assertEquals(expectedOrder, e.stream().map(x -> x.get(1)).toList());
        assertEquals(3 * BytesSumTable.LAG + 5L, e.stream().mapToLong(x -> (Long) x.get(2)).sum());
    }

    @Test
    void aNonNumberFailsAtItsOwnAddAfterTheQueuedOnes() throws Exception {
        BytesSumTable t = new BytesSumTable();
        for (int i = 0; i < 3; i++) {
            t.add(b("k"), 1L, key -> 0);
        }
        assertThrows(IllegalArgumentException.class, () -> t.add(b("k"), "text", key -> 0));
        assertEquals(List.of(List.of(0, b("k"), 3L)), entries(t));
    }

    @Test
    void clearDropsQueuedAdds() throws Exception {
        BytesSumTable t = new BytesSumTable();
        t.add(b("gone"), 1L, key -> 0);
        t.clear();
        t.add(b("kept"), 1L, key -> 0);
        assertEquals(List.of(List.of(0, b("kept"), 1L)), entries(t));
    }

    @Test
    void retiredEntriesAreSkippedUntilAddedAgainThenStartFromTheirNewValueInThatOrder() throws Exception {
        BytesSumTable t = new BytesSumTable();
        t.add(b("a"), 4L, key -> 0);
        t.add(b("big"), Long.MAX_VALUE, key -> 1);
        t.add(b("big"), 1L, key -> 1); // an object sum, dropped by retire
        t.add(b("b"), 2L, key -> 1); // still queued when retired
        t.retire();
        assertEquals(0, t.size());
        assertEquals(List.of(), entries(t));
        t.add(b("b"), 7L, key -> 9);
        t.add(b("big"), 2.5, key -> 9);
        t.add(b("b"), 1L, key -> 9);
        assertEquals(List.of(List.of(1, b("b"), 8L), List.of(1, b("big"), 2.5)), entries(t));
        assertEquals(2, t.size());
    }

    @Test
    void aRefusedValueLeavesARetiredEntryRetired() throws Exception {
        BytesSumTable t = new BytesSumTable();
        t.add(b("k"), 1L, key -> 0);
        t.retire();
        assertThrows(IllegalArgumentException.class, () -> t.add(b("k"), "text", key -> 0));
        assertEquals(List.of(), entries(t));
        assertEquals(0, t.size());
    }

    @Test
    void retiredKeysStillFillTheSlotsAndSurviveGrowth() throws Exception {
        BytesSumTable t = new BytesSumTable();
        for (int i = 0; i < 1000; i++) {
            t.add(b("old" + i), 1L, key -> 0);
        }
        t.retire();
        for (int i = 0; i < 1000; i++) {
            t.add(b("new" + i), 1L, key -> 1);
        }
        t.add(b("old999"), 3L, key -> 2);
        List<List<Object>> e = entries(t);
        assertEquals(1001, e.size());
        assertEquals(List.of(0, b("old999"), 3L), e.get(0));
        assertEquals(List.of(1, b("new999"), 1L), e.get(1000));
    }
}
