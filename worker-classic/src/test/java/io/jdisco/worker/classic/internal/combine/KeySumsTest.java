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
    void aRecycledTableComesBackEmptyAtItsSizeToItsThreadOnly() throws Exception {
        KeySums used = KeySums.spareOrNew();
        for (int i = 0; i < 10_000; i++) {
            used.add(Bytes.latin1("word" + i), 1L, NO_LABEL);
        }
        long grown = used.approximateBytes();
        used.recycle();
        KeySums[] elsewhere = new KeySums[1];
        Thread other = new Thread(() -> elsewhere[0] = KeySums.spareOrNew());
        other.start();
        other.join();
        KeySums again = KeySums.spareOrNew();
        assertSame(used, again);
        assertNotSame(used, elsewhere[0]);
        assertEquals(0, again.size());
        assertEquals(grown, again.approximateBytes());
        again.add(Bytes.latin1("word1"), 2L, NO_LABEL);
        List<Tuple> pairs = new ArrayList<>();
        again.pairs().forEach(pairs::add);
        assertEquals(List.of(Tuple.pair(Bytes.latin1("word1"), 2L)), pairs);
        assertNotSame(again, KeySums.spareOrNew());
    }
}
