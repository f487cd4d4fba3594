package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdisco.taskio.plain.RecordText;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.KeyValue;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeySortTest {
    private static KeyValue<Object, Long>[] sortedTheSlowWay(KeyValue<Object, Long>[] pairs) {
        KeyValue<Object, Long>[] copy = pairs.clone();
        Arrays.sort(copy, (a, b) -> RecordText.ORDER.compare(a.key(), b.key()));
        return copy;
    }

    @SafeVarargs
    private static KeyValue<Object, Long>[] pairs(KeyValue<Object, Long>... pairs) {
        return pairs;
    }

    @Test
    void ordersBytesKeysUnsignedIncludingSharedPrefixesAndZeroBytes() {
        KeyValue<Object, Long>[] pairs = pairs(
            KeyValue.of(Bytes.latin1("abcdefghij"), 1L), KeyValue.of(Bytes.latin1("abcdefghi"), 2L),
            KeyValue.of(Bytes.latin1("a\0"), 3L), KeyValue.of(Bytes.latin1("a"), 4L),
            KeyValue.of(Bytes.of(new byte[] {(byte) 0xff}), 5L), KeyValue.of(Bytes.EMPTY, 6L),
            KeyValue.of(Bytes.latin1("abcdefgh"), 7L), KeyValue.of(Bytes.latin1("b"), 8L));
        KeyValue<Object, Long>[] expected = sortedTheSlowWay(pairs);
        KeySort.sortByKey(pairs);
        assertArrayEquals(expected, pairs);
    }

    @Test
    void ordersRandomKeysAsTheRecordOrderDoes() {
        Random rnd = new Random(3);
        KeyValue<Object, Long>[] pairs = pairs();
        pairs = Arrays.copyOf(pairs, 20_000);
        for (int i = 0; i < pairs.length; i++) {
            byte[] k = new byte[rnd.nextInt(12)];
            for (int j = 0; j < k.length; j++) {
                k[j] = (byte) (rnd.nextBoolean() ? 'a' + rnd.nextInt(3) : rnd.nextInt(256));
            }
            pairs[i] = KeyValue.of(i % 7 == 0 ? (Object) ("s" + rnd.nextInt(50)) : Bytes.of(k), (long) i);
        }
        KeyValue<Object, Long>[] expected = sortedTheSlowWay(pairs);
        KeySort.sortByKey(pairs);
        assertArrayEquals(expected, pairs);
    }

    @Test
    void ordersKeysSharingLongPrefixesDigitByDigitAndPastTheDepthLimit() {
        Random rnd = new Random(5);
        String shared = "x".repeat(KeySort.MAX_DEPTH + 7);
        KeyValue<Object, Long>[] pairs = pairs();
        pairs = Arrays.copyOf(pairs, 5_000);
        for (int i = 0; i < pairs.length; i++) {
            String prefix = shared.substring(0, rnd.nextInt(shared.length()));
            byte[] tail = new byte[rnd.nextInt(4)];
            for (int j = 0; j < tail.length; j++) {
                tail[j] = (byte) (rnd.nextInt(3) - 1); // 0xff, 0 and 1: around the zero padding
            }
            byte[] key = Arrays.copyOf(prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII), prefix.length() + tail.length);
            System.arraycopy(tail, 0, key, prefix.length(), tail.length);
            pairs[i] = KeyValue.of(Bytes.of(key), (long) i);
        }
        KeyValue<Object, Long>[] expected = sortedTheSlowWay(pairs);
        KeySort.sortByKey(pairs);
        assertArrayEquals(expected, pairs);
    }

    @Test
    void keepsEqualKeysInTheirOrder() {
        KeyValue<Object, Long>[] pairs = pairs();
        pairs = Arrays.copyOf(pairs, 100);
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = KeyValue.of(Bytes.latin1(i % 2 == 0 ? "therefore" : "thereby"), (long) i);
        }
        KeyValue<Object, Long>[] expected = sortedTheSlowWay(pairs);
        KeySort.sortByKey(pairs);
        assertArrayEquals(expected, pairs);
    }
}
