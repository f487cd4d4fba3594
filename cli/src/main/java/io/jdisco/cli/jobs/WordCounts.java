package io.jdisco.cli.jobs;

import io.jdisco.taskio.plain.LineBuffer;
import io.jdisco.worker.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A word count's results as the client keeps them to print them sorted: the words' bytes one
 * after another in one array, their counts in another, in arrival order. A result pair per object
 * (668,108 of them for the bench's corpus) survived young collections at the end of the job and
 * sent the printing loop to three places in memory per line; here a word is a range of the arena.
 * Not thread-safe.
 */
final class WordCounts implements KeySort.Keys {
    private byte[] arena = new byte[1 << 12];
    private int used;
    /** The end of word {@code i} in the arena; it starts where word {@code i - 1} ends. */
    private int[] ends = new int[1 << 8];
    private long[] counts = new long[1 << 8];
    private int size;

    /** Appends {@code word} with its {@code count}. */
    void add(Bytes word, long count) {
        Objects.requireNonNull(word, "word");
        int n = word.length();
        if (arena.length - used < n) {
            long want = Math.max(arena.length * 2L, (long) used + n);
            if (want > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("word count results over 2 GiB of words");
            }
            arena = Arrays.copyOf(arena, (int) want);
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        word.copyTo(arena, used);
        used += n;
        ends[size] = used;
        counts[size++] = count;
    }

    /** The number of words. */
    int size() {
        return size;
    }

    private int start(int k) {
        return k == 0 ? 0 : ends[k - 1];
    }

    @Override
    public int length(int k) {
        return ends[k] - start(k);
    }

    @Override
    public long digit(int k, int depth) {
        int from = start(k) + depth;
        int end = ends[k];
        long p = 0;
        for (int i = from; i < from + 5; i++) {
            p = p << 8 | (i < end ? arena[i] & 0xFF : 0);
        }
        return p;
    }

    @Override
    public int compare(int a, int b) {
        return Arrays.compareUnsigned(arena, start(a), ends[a], arena, start(b), ends[b]);
    }

    /** Prints {@code word<TAB>count} lines sorted by word ({@link KeySort}), equal words in arrival order. */
    void print(OutputStream out) throws IOException {
        int[] order = KeySort.sortedOrder(this, size);
        // packed a buffer at a time, the count spelled without a string: printing 668,108 lines
        // field by field through a BufferedOutputStream took longer than sorting them
        LineBuffer lines = new LineBuffer(out);
        for (int k : order) {
            int from = start(k);
            lines.put(arena, from, ends[k] - from);
            lines.putByte('\t');
            lines.putLong(counts[k]);
            lines.endLine();
        }
        lines.drain();
        out.flush();
    }
}
