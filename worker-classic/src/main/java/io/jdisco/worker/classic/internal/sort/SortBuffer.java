package io.jdisco.worker.classic.internal.sort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The external sort's in-memory buffer: entries of (sort key bytes, record bytes) packed into
 * large byte blocks, sorted by key without an object per entry.
 *
 * <p>Each entry sits in a block as
 * <pre>
 *   u32be keyLength | u32be recordLength | key bytes | record bytes     (private to the task)
 * </pre>
 * and is found by its location {@code block << 32 | offset}, which grows with insertion order. Two
 * parallel arrays hold each entry's key prefix (its first eight bytes, big-endian, zero-padded)
 * and its location. {@link #sort()} orders them by prefix with a stable LSD radix sort (a pass
 * per prefix byte that is not the same in every entry), then sorts each run of equal prefixes by
 * full key, ties by location: the order is the keys' unsigned byte order, stable. The 100 MB sort
 * benchmark's reduce spent most of its time in {@code TimSort} over an object per entry, and in
 * the collector, before this.
 */
final class SortBuffer {
    /** The largest block size: entries share blocks; one larger than a block gets its own. */
    static final int MAX_BLOCK_BYTES = 1 << 20;
    private static final int MIN_BLOCK_BYTES = 4096;
    private static final int HEADER = 8;
    /** Index bytes per entry: prefix and location, and their radix sort copies. */
    static final int INDEX_BYTES_PER_ENTRY = 32;
    /** How many entries ahead a cursor touches at once (see {@link Cursor#touchAhead}). */
    private static final int TOUCH_AHEAD = 16;

    private final int blockBytes;
    private final List<byte[]> blocks = new ArrayList<>();
    private byte[] block;
    private int blockUsed;
    private long[] prefixes = new long[1024];
    private long[] locations = new long[1024];
    private int size;
    private long arenaBytes;

    /** A buffer for a budget of {@code budgetBytes}: blocks of a sixteenth of it, 4 KiB to 1 MiB. */
    SortBuffer(long budgetBytes) {
        this.blockBytes = (int) Math.max(MIN_BLOCK_BYTES, Math.min(MAX_BLOCK_BYTES, budgetBytes / 16));
    }

    /** Adds an entry: {@code keyLength} bytes of {@code key} and {@code recordLength} bytes of {@code record}. */
    void add(byte[] key, int keyLength, byte[] record, int recordLength) {
        int need = HEADER + keyLength + recordLength;
        if (block == null || need > block.length - blockUsed) {
            block = new byte[Math.max(blockBytes, need)];
            blocks.add(block);
            blockUsed = 0;
            arenaBytes += block.length;
        }
        if (size == prefixes.length) {
            int grown = Math.toIntExact(Math.min((long) size * 2, Integer.MAX_VALUE - 16));
            prefixes = Arrays.copyOf(prefixes, grown);
            locations = Arrays.copyOf(locations, grown);
        }
        int at = blockUsed;
        putInt(block, at, keyLength);
        putInt(block, at + 4, recordLength);
        System.arraycopy(key, 0, block, at + HEADER, keyLength);
        System.arraycopy(record, 0, block, at + HEADER + keyLength, recordLength);
        blockUsed += need;
        prefixes[size] = prefix(key, keyLength);
        locations[size] = (long) (blocks.size() - 1) << 32 | at;
        size++;
    }

    /** The number of entries. */
    int size() {
        return size;
    }

    /** The heap bytes held: the blocks and the index, with room for the sort's copies. */
    long bytes() {
        return arenaBytes + (long) size * INDEX_BYTES_PER_ENTRY;
    }

    /** Forgets every entry and frees the blocks. */
    void clear() {
        blocks.clear();
        block = null;
        blockUsed = 0;
        arenaBytes = 0;
        size = 0;
        prefixes = new long[1024];
        locations = new long[1024];
    }

    /** Sorts the entries by key (unsigned bytes), equal keys in insertion order. */
    void sort() {
        radixSortByPrefix();
        int start = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || prefixes[i] != prefixes[start]) {
                if (i - start > 1) {
                    sortByFullKey(start, i);
                }
                start = i;
            }
        }
    }

    private void radixSortByPrefix() {
        if (size < 2) {
            return;
        }
        int[][] counts = new int[8][256];
        for (int i = 0; i < size; i++) {
            long p = prefixes[i];
            for (int d = 0; d < 8; d++) {
                counts[d][(int) (p >>> (d * 8)) & 0xFF]++;
            }
        }
        long[] fromP = prefixes;
        long[] fromL = locations;
        long[] toP = null;
        long[] toL = null;
        for (int d = 0; d < 8; d++) {
            int[] c = counts[d];
            if (c[(int) (fromP[0] >>> (d * 8)) & 0xFF] == size) {
                continue; // every entry has the same byte here: the pass would not move anything
            }
            if (toP == null) {
                toP = new long[size];
                toL = new long[size];
            }
            int[] next = new int[256];
            for (int b = 1; b < 256; b++) {
                next[b] = next[b - 1] + c[b - 1];
            }
            int shift = d * 8;
            for (int i = 0; i < size; i++) {
                long p = fromP[i];
                int slot = next[(int) (p >>> shift) & 0xFF]++;
                toP[slot] = p;
                toL[slot] = fromL[i];
            }
            long[] t = fromP;
            fromP = toP;
            toP = t;
            t = fromL;
            fromL = toL;
            toL = t;
        }
        prefixes = fromP;
        locations = fromL;
    }

    /** Sorts locations[from, to) (equal prefixes) by full key, then location. */
    private void sortByFullKey(int from, int to) {
        Long[] run = new Long[to - from];
        for (int i = from; i < to; i++) {
            run[i - from] = locations[i];
        }
        Arrays.sort(run, this::compareEntries);
        for (int i = from; i < to; i++) {
            locations[i] = run[i - from];
        }
    }

    private int compareEntries(long a, long b) {
        byte[] ba = blocks.get((int) (a >>> 32));
        byte[] bb = blocks.get((int) (b >>> 32));
        int oa = (int) a;
        int ob = (int) b;
        int c = Arrays.compareUnsigned(ba, oa + HEADER, oa + HEADER + getInt(ba, oa),
                bb, ob + HEADER, ob + HEADER + getInt(bb, ob));
        return c != 0 ? c : Long.compare(a, b);
    }

    /** Walks the entries in their current order (sorted after {@link #sort()}). */
    Cursor cursor() {
        return new Cursor();
    }

    /** A position in the buffer: the entry's block and where its key and record are in it. */
    final class Cursor {
        private int index = -1;
        private byte[] data;
        private int at;
        /** The bytes read ahead, summed: kept so that no compiler drops the reads. */
        private int touched;

        /** Moves to the next entry; false past the last. */
        boolean advance() {
            if (++index >= size) {
                data = null;
                return false;
            }
            if (index % TOUCH_AHEAD == 0) {
                touchAhead();
            }
            long loc = locations[index];
            data = blocks.get((int) (loc >>> 32));
            at = (int) loc;
            return true;
        }

        /**
         * Reads a byte of each of the first two 64-byte cache lines of each of the next
         * {@link #TOUCH_AHEAD} entries, and the byte at 127 (the 100-byte records of sort
         * benchmarks span three lines). After the sort the entries lie at random places in the
         * blocks, so each is a cache (and TLB) miss; loads that do not depend on one another are in
         * flight together, where the caller's work between two entries would otherwise wait for
         * one miss after the other. Touching the first line only: 0.86 s for the 100 MB sort, these
         * three: 0.83 s.
         */
        private void touchAhead() {
            int end = Math.min(size, index + TOUCH_AHEAD);
            int sum = 0;
            for (int i = index; i < end; i++) {
                long loc = locations[i];
                byte[] b = blocks.get((int) (loc >>> 32));
                int at = (int) loc;
                sum += b[at] + b[Math.min(at + 64, b.length - 1)] + b[Math.min(at + 127, b.length - 1)];
            }
            touched += sum;
        }

        /** The array holding the current entry's key and record. */
        byte[] data() {
            return data;
        }

        int keyOffset() {
            return at + HEADER;
        }

        int keyLength() {
            return getInt(data, at);
        }

        int recordOffset() {
            return at + HEADER + getInt(data, at);
        }

        int recordLength() {
            return getInt(data, at + 4);
        }
    }

    /** The first eight bytes of the key, big-endian, zero-padded: unsigned order agrees with the keys'. */
    static long prefix(byte[] key, int length) {
        long p = 0;
        for (int i = 0; i < 8; i++) {
            p = p << 8 | (i < length ? key[i] & 0xFF : 0);
        }
        return p;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
