package io.jdisco.worker.classic.internal.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class KeySumsTest {
    private static final KeySums.Labeller NO_LABEL = key -> -1;

    @Test
    void pairsComeAsForEachVisitsThemOtherKeysFirst() throws Exception {
        KeySums sums = new KeySums();
        sums.add(Bytes.latin1("b"), 2L, NO_LABEL);
        sums.add("text", 1L, NO_LABEL);
        sums.add(Bytes.latin1("a"), Long.MAX_VALUE, NO_LABEL);
        sums.add(Bytes.latin1("a"), 1L, NO_LABEL); // past a long: a BigInteger sum
        sums.add(7L, 2.5, NO_LABEL);
        sums.add(Bytes.latin1("b"), 3L, NO_LABEL);
        List<Tuple> visited = new ArrayList<>();
        sums.forEach((label, key, sum) -> visited.add(Tuple.pair(key, sum)));
        List<Tuple> iterated = new ArrayList<>();
        sums.pairs().forEach(iterated::add);
        assertEquals(List.of(Tuple.pair("text", 1L), Tuple.pair(7L, 2.5), Tuple.pair(Bytes.latin1("b"), 5L),
                Tuple.pair(Bytes.latin1("a"), BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))), iterated);
        assertEquals(visited, iterated);
    }

    @Test
    void thePairsOfNoKeysEndAtOnce() {
        Iterator<Tuple> pairs = new KeySums().pairs().iterator();
        assertFalse(pairs.hasNext());
        assertThrows(NoSuchElementException.class, pairs::next);
    }

    @Test
    void aRecycledTableComesBackWithoutSumsAtItsSizeToItsThreadOnly() throws Exception {
        KeySums used = KeySums.spareOrNew("md5/2");
        for (int i = 0; i < 10_000; i++) {
            used.add(Bytes.latin1("word" + i), 1L, NO_LABEL);
        }
        long grown = used.approximateBytes();
        used.recycle("md5/2");
        KeySums[] elsewhere = new KeySums[1];
        Thread other = new Thread(() -> elsewhere[0] = KeySums.spareOrNew("md5/2"));
        other.start();
        other.join();
        KeySums again = KeySums.spareOrNew("md5/2");
        assertSame(used, again);
        assertNotSame(used, elsewhere[0]);
        assertEquals(0, again.size());
        assertFalse(again.pairs().iterator().hasNext());
        assertEquals(grown, again.approximateBytes());
        again.add(Bytes.latin1("word1"), 2L, NO_LABEL);
        assertEquals(List.of(Tuple.pair(Bytes.latin1("word1"), 2L)), pairs(again));
        assertNotSame(again, KeySums.spareOrNew("md5/2"));
    }

    @Test
    void keptKeysKeepTheirLabelsAndComeBackInTheOrderTheyAreAddedAgainBeforeNewKeys() throws Exception {
        KeySums first = KeySums.spareOrNew("md5/2");
        first.add(Bytes.latin1("a"), 1L, key -> 0);
        first.add(Bytes.latin1("b"), 1L, key -> 1);
        first.add("other", 1L, key -> 0);
        first.recycle("md5/2");
        KeySums next = KeySums.spareOrNew("md5/2");
        KeySums.Labeller refuses = key -> {
            throw new AssertionError("asked the label of kept key " + key);
        };
        next.add(Bytes.latin1("b"), 5L, refuses);
        next.add(Bytes.latin1("a"), 2L, refuses);
        next.add(Bytes.latin1("c"), 3L, key -> 1);
        List<String> visited = new ArrayList<>();
        next.forEach((label, key, sum) -> visited.add(label + " " + key + " " + sum));
        assertEquals(List.of("1 b'b' 5", "0 b'a' 2", "1 b'c' 3"), visited);
        assertEquals(List.of(Tuple.pair(Bytes.latin1("b"), 5L), Tuple.pair(Bytes.latin1("a"), 2L),
                Tuple.pair(Bytes.latin1("c"), 3L)), pairs(next));
        assertEquals(3, next.size());
    }

    @Test
    void aSpareForAnotherLabellingLosesItsKeys() throws Exception {
        KeySums first = KeySums.spareOrNew("md5/2");
        first.add(Bytes.latin1("a"), 1L, key -> 0);
        first.recycle("md5/2");
        KeySums next = KeySums.spareOrNew("md5/3");
        assertSame(first, next);
        int[] asked = new int[1];
        next.add(Bytes.latin1("a"), 1L, key -> ++asked[0]);
        List<Integer> labels = new ArrayList<>();
        next.forEach((label, key, sum) -> labels.add(label));
        assertEquals(List.of(1), labels);
        assertEquals(1, asked[0]);
    }

    private static List<Tuple> pairs(KeySums sums) {
        List<Tuple> pairs = new ArrayList<>();
        sums.pairs().forEach(pairs::add);
        return pairs;
    }
}
