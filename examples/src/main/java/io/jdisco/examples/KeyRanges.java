package io.jdisco.examples;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.fn.PartitionFunction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A range partition for the sort, TeraSort's way: split points sampled from the input before the
 * job, so partition {@code i} holds the keys from split point {@code i - 1} (inclusive) to split
 * point {@code i} (exclusive), about as many in each as the sample says. The map then compares a
 * key with a few split points instead of taking its MD5 (the default partition was a large
 * share of the 100 MB sort's map task: bench/README.md), and each reduce result is a contiguous key range.
 *
 * <p>An instance is the job's partition function: serialized into the job pack with its split
 * points. Keys are compared as unsigned bytes ({@link Bytes#compareTo}), the order of the reduce's sort.
 */
public final class KeyRanges implements PartitionFunction {
    private static final long serialVersionUID = 1L;
    /** Keys sampled per partition: enough for an even split within a few per cent. */
    static final int SAMPLES_PER_PARTITION = 1000;

    private final Bytes[] splits;

    private KeyRanges(Bytes[] splits) {
        this.splits = splits;
    }

    /**
     * The ranges of {@code partitions} partitions split at {@code splitPoints} (ascending, unsigned
     * byte order; {@code partitions - 1} of them).
     */
    public static KeyRanges of(List<Bytes> splitPoints, int partitions) {
        Objects.requireNonNull(splitPoints, "splitPoints");
        if (splitPoints.size() != partitions - 1) {
            throw new IllegalArgumentException(partitions + " partitions need " + (partitions - 1)
                    + " split points, got " + splitPoints.size());
        }
        Bytes[] s = splitPoints.toArray(new Bytes[0]);
        for (int i = 0; i < s.length; i++) {
            Objects.requireNonNull(s[i], "split point " + i);
            if (i > 0 && s[i - 1].compareTo(s[i]) > 0) {
                throw new IllegalArgumentException("split points are not ascending at " + i + ": " + splitPoints);
            }
        }
        return new KeyRanges(s);
    }

    /**
     * The ranges of {@code partitions} partitions from a sample of the keys (the first
     * {@code keyBytes} bytes of lines) of local {@code files}: {@link #SAMPLES_PER_PARTITION} lines
     * per partition, at offsets spread evenly over the files, each the first whole line after its
     * offset.
     *
     * @throws IOException when a file cannot be read, naming it
     */
    public static KeyRanges sample(List<Path> files, int keyBytes, int partitions) throws IOException {
        Objects.requireNonNull(files, "files");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        List<Bytes> keys = new ArrayList<>();
        int perFile = Math.max(1, SAMPLES_PER_PARTITION * partitions / Math.max(1, files.size()));
        for (Path f : files) {
            sampleFile(f, keyBytes, perFile, keys);
        }
        keys.sort(null);
        List<Bytes> splits = new ArrayList<>();
        for (int i = 1; i < partitions; i++) {
            splits.add(keys.isEmpty() ? Bytes.EMPTY : keys.get((int) ((long) i * keys.size() / partitions)));
        }
        return of(splits, partitions);
    }

    private static void sampleFile(Path file, int keyBytes, int count, List<Bytes> into) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            byte[] buf = new byte[4096];
            for (int i = 0; i < count && size > 0; i++) {
                long at = size * i / count;
                in.seek(at);
                int n = in.read(buf);
                int start = 0;
                if (at > 0) {
                    while (start < n && buf[start] != '\n') {
                        start++;
                    }
                    start++; // the line after the one the offset fell in
                }
                if (start >= n) {
                    continue;
                }
                int end = start;
                while (end < n && end - start < keyBytes && buf[end] != '\n') {
                    end++;
                }
                into.add(Bytes.of(buf, start, end - start));
            }
        } catch (IOException e) {
            throw new IOException("cannot sample sort keys from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The number of partitions. */
    public int partitions() {
        return splits.length + 1;
    }

    /** The partition of {@code key} (a {@link Bytes}): how many split points are at most it. */
    @Override
    public int partition(Object key, int partitions, Params params) {
        if (partitions != splits.length + 1) {
            throw new IllegalArgumentException("key ranges for " + (splits.length + 1)
                    + " partitions used by a job of " + partitions);
        }
        Bytes k = (Bytes) key;
        int lo = 0;
        int hi = splits.length;
        while (lo < hi) { // the first split point above the key
            int mid = (lo + hi) >>> 1;
            if (k.compareTo(splits[mid]) >= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "KeyRanges" + Arrays.toString(splits);
    }
}
