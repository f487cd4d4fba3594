package io.jdisco.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeySortTest {
    private static Tuple[] sortedTheSlowWay(Tuple[] pairs) {
        Tuple[] copy = pairs.clone();
        Arrays.sort(copy, (a, b) -> RecordText.ORDER.compare(a.key(), b.key()));
        return copy;
    }

    @Test
    void ordersBytesKeysUnsignedIncludingSharedPrefixesAndZeroBytes() {
        Tuple[] pairs = {
            Tuple.pair(Bytes.latin1("abcdefghij"), 1L), Tuple.pair(Bytes.latin1("abcdefghi"), 2L),
            Tuple.pair(Bytes.latin1("a\0"), 3L), Tuple.pair(Bytes.latin1("a"), 4L),
            Tuple.pair(Bytes.of(new byte[] {(byte) 0xff}), 5L), Tuple.pair(Bytes.EMPTY, 6L),
            Tuple.pair(Bytes.latin1("abcdefgh"), 7L), Tuple.pair(Bytes.latin1("b"), 8L)};
        Tuple[] expected = sortedTheSlowWay(pairs);
        KeySort.sortByKey(pairs);
        assertArrayEquals(expected, pairs);
    }

    @Test
    void ordersRandomKeysAsTheRecordOrderDoes() {
        Random rnd = new Random(3);
        Tuple[] pairs = new Tuple[20_000];
        for (int i = 0; i < pairs.length; i++) {
            byte[] k = new byte[rnd.nextInt(12)];
            for (int j = 0; j < k.length; j++) {
                k[j] = (byte) (rnd.nextBoolean() ? 'a' + rnd.nextInt(3) : rnd.nextInt(256));
            }
            pairs[i] = Tuple.pair(i % 7 == 0 ? (Object) ("s" + rnd.nextInt(50)) : Bytes.of(k), (long) i);
        }
        Tuple[] expected = sortedTheSlowWay(pairs);
        KeySort.sortByKey(pairs);
        assertArrayEquals(expected, pairs);
    }
}
