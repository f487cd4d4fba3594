package io.jdisco.cli.jobs;

import io.jdisco.taskio.plain.RecordText;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.KeyValue;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sorts result pairs by key in {@link RecordText#ORDER}, fast for the large results of word
 * count. Comparing two {@code Bytes} keys means following references into two arrays, which for
 * hundreds of thousands of keys is mostly cache misses. Here each pair becomes one {@code long}:
 *
 * <pre>
 * bit 63..24  the first 5 bytes of the key (as ordered: Bytes as they are, other keys as the
 *             UTF-8 bytes of their text), big-endian, zero-padded, sign bit flipped so that a
 *             signed sort orders them unsigned
 * bit 23..0   the pair's index
 * </pre>
 *
 * The longs are sorted as primitives, and only runs of pairs whose keys share their first five
 * bytes (or are equal up to zero padding, such as {@code "a"} and {@code "a\0"}) are then sorted
 * with the full comparison.
 */
final class KeySort {
    private static final int INDEX_BITS = 24;
    private KeySort() {
    }

    /** Sorts {@code pairs} in place by key, in {@link RecordText#ORDER}. */
    static <K, V> void sortByKey(KeyValue<K, V>[] pairs) {
        sortByKey(pairs, KeyValue::key);
    }

    /** Sorts {@code items} in place by the key {@code key} gives each, in {@link RecordText#ORDER}. */
    private static <T> void sortByKey(T[] items, Function<? super T, ?> key) {
        Objects.requireNonNull(items, "items");
        Comparator<T> byKey = (a, b) -> RecordText.ORDER.compare(key.apply(a), key.apply(b));
        int n = items.length;
        if (n >= 1 << INDEX_BITS) {
            Arrays.parallelSort(items, byKey);
            return;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (prefix(key.apply(items[i])) << INDEX_BITS | i) ^ Long.MIN_VALUE;
        }
        Arrays.parallelSort(packed);
        T[] sorted = Arrays.copyOf(items, n);
        for (int i = 0; i < n; i++) {
            sorted[i] = items[(int) (packed[i] & ((1 << INDEX_BITS) - 1))];
        }
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && packed[j] >>> INDEX_BITS == packed[i] >>> INDEX_BITS) {
                j++;
            }
            if (j - i > 1) {
                Arrays.sort(sorted, i, j, byKey);
            }
            i = j;
        }
        System.arraycopy(sorted, 0, items, 0, n);
    }

    /** The first five bytes of {@code key} as ordered, big-endian, zero-padded: 40 bits. */
    static long prefix(Object key) {
        Bytes b = RecordText.asBytes(key);
        int n = Math.min(5, b.length());
        long p = 0;
        for (int i = 0; i < 5; i++) {
            p = p << 8 | (i < n ? b.byteAt(i) & 0xFF : 0);
        }
        return p;
    }
}
