package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdisco.worker.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeySortTest {
    /** Keys held as {@code Bytes}: the reference the sort's digits and comparisons must agree with. */
    private static KeySort.Keys keys(Bytes[] keys) {
        return new KeySort.Keys() {
            @Override
            public int length(int k) {
                return keys[k].length();
            }

            @Override
            public long digit(int k, int depth) {
                long p = 0;
                for (int i = depth; i < depth + 5; i++) {
                    p = p << 8 | (i < keys[k].length() ? keys[k].byteAt(i) & 0xFF : 0);
                }
                return p;
            }

            @Override
            public int compare(int a, int b) {
                return keys[a].compareTo(keys[b]);
            }
        };
    }

    /** The indexes in key order by a plain stable sort. */
    private static int[] sortedTheSlowWay(Bytes[] keys) {
        return IntStream.range(0, keys.length).boxed().sorted(Comparator.comparing(i -> keys[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static void assertSortsAsTheSlowWay(Bytes[] keys) {
        assertArrayEquals(sortedTheSlowWay(keys), KeySort.sortedOrder(keys(keys), keys.length));
    }

    @Test
    void ordersKeysUnsignedIncludingSharedPrefixesAndZeroBytes() {
        assertSortsAsTheSlowWay(new Bytes[] {Bytes.latin1("abcdefghij"), Bytes.latin1("abcdefghi"), Bytes.latin1("a\0"),
            Bytes.latin1("a"), Bytes.of(new byte[] {(byte) 0xff}), Bytes.EMPTY, Bytes.latin1("abcdefgh"), Bytes.latin1("b")});
    }

    @Test
    void ordersRandomKeysAsAPlainSortDoes() {
        Random rnd = new Random(3);
        Bytes[] keys = new Bytes[20_000];
        for (int i = 0; i < keys.length; i++) {
            byte[] k = new byte[rnd.nextInt(12)];
            for (int j = 0; j < k.length; j++) {
                k[j] = (byte) (rnd.nextBoolean() ? 'a' + rnd.nextInt(3) : rnd.nextInt(256));
            }
            keys[i] = Bytes.of(k);
        }
        assertSortsAsTheSlowWay(keys);
    }

    @Test
    void ordersKeysSharingLongPrefixesDigitByDigitAndPastTheDepthLimit() {
        Random rnd = new Random(5);
        String shared = "x".repeat(KeySort.MAX_DEPTH + 7);
        Bytes[] keys = new Bytes[5_000];
        for (int i = 0; i < keys.length; i++) {
            String prefix = shared.substring(0, rnd.nextInt(shared.length()));
            byte[] tail = new byte[rnd.nextInt(4)];
            for (int j = 0; j < tail.length; j++) {
                tail[j] = (byte) (rnd.nextInt(3) - 1); // 0xff, 0 and 1: around the zero padding
            }
            byte[] key = Arrays.copyOf(prefix.getBytes(StandardCharsets.US_ASCII), prefix.length() + tail.length);
            System.arraycopy(tail, 0, key, prefix.length(), tail.length);
            keys[i] = Bytes.of(key);
        }
        assertSortsAsTheSlowWay(keys);
    }

    @Test
    void keepsEqualKeysInTheirOrder() {
        Bytes[] keys = new Bytes[100];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Bytes.latin1(i % 2 == 0 ? "therefore" : "thereby");
        }
        assertSortsAsTheSlowWay(keys);
    }
}
