package io.jdisco.worker.classic.internal.sort;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * An in-JVM external merge sort of record pairs by key (DESIGN.md §3.5; replaces Disco's
 * {@code sort -z -t '\xff'} of SPEC §5.10).
 *
 * <p>Pairs are buffered as (order-preserving key bytes, encoded pair) in a {@link SortBuffer}
 * until it reaches its byte budget; the buffer is then sorted and spilled to a run file in the
 * task directory.
 * {@link #sorted()} merges the runs and the last buffer with a heap, at most {@link #MAX_FAN_IN}
 * runs at a time (wider merges first collapse runs into bigger ones), so memory stays bounded
 * whatever the input size. The sort is stable: equal keys keep their input order. Run files are
 * deleted by {@link #close()}.
 */
public final class ExternalSorter implements Closeable {
    /** The most run files merged at once; each open run holds one read buffer. */
    public static final int MAX_FAN_IN = 64;
    /** Key order: the cached first eight bytes decide most comparisons without touching the keys. */
    private static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.prefix, b.prefix);
        return c != 0 ? c : Arrays.compareUnsigned(a.key, b.key);
    };

    private final Path dir;
    private final long bufferBytes;
    private final PairCodec codec;
    private final SortKeyEncoder keys = new SortKeyEncoder();
    private final ScratchBuffer record = new ScratchBuffer(256);
    private final SortBuffer buffer;
    private final List<Path> runs = new ArrayList<>();
    private long added;
    private boolean finished;

    /**
     * A sorter spilling into {@code dir} (created if missing) once {@code bufferBytes} of records
     * are buffered.
     */
    public ExternalSorter(Path dir, long bufferBytes, PairCodec codec) {
        this.dir = Objects.requireNonNull(dir, "dir");
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be > 0, got " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
        this.codec = Objects.requireNonNull(codec, "codec");
        this.buffer = new SortBuffer(bufferBytes);
    }

    /** Adds one pair. */
    public void add(Tuple pair) throws IOException {
        if (finished) {
            throw new IllegalStateException("sorted() was called: no more pairs can be added");
        }
        if (!pair.isPair()) {
            throw new IllegalArgumentException("the sort takes (key, value) pairs, got " + pair);
        }
        ScratchBuffer key = keys.encodeInPlace(pair.key());
        record.reset();
        codec.encode(pair, record);
        buffer.add(key.array(), key.length(), record.array(), record.length());
        added++;
        if (buffer.bytes() >= bufferBytes) {
            spill();
        }
    }

    /** The number of pairs added. */
    public long size() {
        return added;
    }

    /** The number of run files written so far. */
    public int runCount() {
        return runs.size();
    }

    /**
     * The pairs in key order, each decoded afresh. Call once; the iterator throws
     * {@link UncheckedIOException} wrapping a {@link DataException} when a run cannot be read.
     */
    public Iterator<Tuple> sorted() throws IOException {
        if (finished) {
            throw new IllegalStateException("sorted() can be called once");
        }
        finished = true;
        if (runs.isEmpty()) {
            buffer.sort();
            return decodingBuffer();
        }
        spill();
        while (runs.size() > MAX_FAN_IN) {
            collapse();
        }
        return decoding(merge(openAll(runs)));
    }

    /** The buffer's entries in their order, each record decoded as it is reached. */
    private Iterator<Tuple> decodingBuffer() {
        SortBuffer.Cursor cursor = buffer.cursor();
        return new Iterator<>() {
            private boolean ready;
            private boolean more;

            @Override
            public boolean hasNext() {
                if (!ready) {
                    more = cursor.advance();
                    ready = true;
                }
                return more;
            }

            @Override
            public Tuple next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                try {
                    return codec.decode(cursor.data(), cursor.recordOffset(), cursor.recordLength());
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        };
    }

    private Iterator<Tuple> decoding(Iterator<Entry> entries) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Tuple next() {
                Entry e = entries.next();
                try {
                    return codec.decode(e.record, 0, e.record.length);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        };
    }

    private void spill() throws IOException {
        if (buffer.size() == 0) {
            return;
        }
        buffer.sort();
        Files.createDirectories(dir);
        Path run = Files.createTempFile(dir, "sort-run-", ".bin");
        runs.add(run);
        try (RunFile.Writer w = RunFile.writer(run)) {
            SortBuffer.Cursor c = buffer.cursor();
            while (c.advance()) {
                w.write(c.data(), c.keyOffset(), c.keyLength(), c.recordOffset(), c.recordLength());
            }
        }
        buffer.clear();
    }

    /** Merges the first {@link #MAX_FAN_IN} runs into one, keeping run order (stability). */
    private void collapse() throws IOException {
        List<Path> group = new ArrayList<>(runs.subList(0, MAX_FAN_IN));
        Path merged = Files.createTempFile(dir, "sort-run-", ".bin");
        try (RunFile.Writer w = RunFile.writer(merged)) {
            Iterator<Entry> it = merge(openAll(group));
            while (it.hasNext()) {
                Entry e = it.next();
                w.write(e.key, e.record);
            }
        }
        for (Path p : group) {
            Files.deleteIfExists(p);
        }
        runs.subList(0, MAX_FAN_IN).clear();
        runs.add(0, merged);
    }

    private List<Iterator<Entry>> openAll(List<Path> files) throws IOException {
        List<Iterator<Entry>> its = new ArrayList<>();
        for (Path p : files) {
            its.add(RunFile.reader(p));
        }
        return its;
    }

    /** A k-way merge; ties go to the lower source index, which keeps the sort stable. */
    private static Iterator<Entry> merge(List<Iterator<Entry>> sources) {
        PriorityQueue<Head> heap = new PriorityQueue<>((a, b) -> {
            int c = ORDER.compare(a.entry, b.entry);
            return c != 0 ? c : Integer.compare(a.source, b.source);
        });
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).hasNext()) {
                heap.add(new Head(sources.get(i).next(), i));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heap.isEmpty();
            }

            @Override
            public Entry next() {
                Head h = heap.poll();
                if (h == null) {
                    throw new NoSuchElementException();
                }
                Iterator<Entry> src = sources.get(h.source);
                if (src.hasNext()) {
                    heap.add(new Head(src.next(), h.source));
                }
                return h.entry;
            }
        };
    }

    /** Deletes the run files. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Path p : runs) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        runs.clear();
        buffer.clear();
        if (first != null) {
            throw first;
        }
    }

    static final class Entry {
        final byte[] key;
        final byte[] record;
        /**
         * The key's first eight bytes, big-endian, zero-padded: ordered (unsigned) as the keys are
         * where they differ in those bytes; ties are compared in full. Sorting an in-memory buffer
         * is mostly cache misses on the key arrays otherwise.
         */
        final long prefix;

        Entry(byte[] key, byte[] record) {
            this.key = key;
            this.record = record;
            this.prefix = SortBuffer.prefix(key, key.length);
        }
    }

    private static final class Head {
        final Entry entry;
        final int source;

        Head(Entry entry, int source) {
            this.entry = entry;
            this.source = source;
        }
    }
}
