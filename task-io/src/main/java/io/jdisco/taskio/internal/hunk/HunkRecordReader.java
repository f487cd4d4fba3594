package io.jdisco.taskio.internal.hunk;

import io.jdisco.taskio.DiscoInputOptions.ReadAhead;
import io.jdisco.taskio.RecordCodec;
import io.jdisco.taskio.SkipCounting;
import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.taskio.internal.oldformat.OldNetstrRecordReader;
import io.jdisco.worker.DataException;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Reads Disco's internal format, version 1 ({@code disco_input_stream}, SPEC §7.4): hunks from a
 * {@link HunkFetcher}, records from each hunk's payload by the codec. A first byte below 0x80 at
 * a hunk boundary means the old text format (§7.6) follows. Offsets in messages are absolute byte
 * offsets in the input (Python counts payload bytes only).
 *
 * <p>Policy: by default any corruption fails with a {@link DataException}; with
 * {@code ignoreCorrupt} a corrupt hunk is skipped, counted and reported, and data cut short ends
 * the input. A hunk over the size bound or of another codec's version always fails.
 */
public final class HunkRecordReader implements RecordReader<Object>, SkipCounting {
    private final InputCursor in;
    private final long size;
    private final boolean ignoreCorrupt;
    private final int maxHunkBytes;
    private final RecordCodec.Decoder decoder;
    private final Consumer<String> messages;
    private final HunkSource hunks;

    private byte[] plain = new byte[0];
    private int pos;
    private int lim;
    private long payloadStart;
    private long payloadEnd;
    private RecordReader<?> oldFormat;
    private boolean done;
    private DataException failure;
    private boolean hasCurrent;
    private Object current;
    private long skipped;

    /**
     * A reader over {@code in}; {@code size} is the input's length or -1 (used only by the old
     * format); {@code messages} receives a line for each skipped corruption; {@code readAhead}
     * says whether a daemon thread reads and inflates the next hunk during decoding.
     */
    public HunkRecordReader(InputCursor in, long size, boolean ignoreCorrupt, int maxHunkBytes,
            RecordCodec codec, Consumer<String> messages, ReadAhead readAhead) {
        this.in = in;
        this.size = size;
        this.ignoreCorrupt = ignoreCorrupt;
        this.maxHunkBytes = maxHunkBytes;
        this.decoder = codec.newDecoder();
        this.messages = messages;
        HunkFetcher fetcher = new HunkFetcher(in, maxHunkBytes, codec.formatVersion(), codec.toString());
        this.hunks = hunks(fetcher, in.url(), size, readAhead);
    }

    /** A reader that reads hunks on the caller's thread. */
    public HunkRecordReader(InputCursor in, long size, boolean ignoreCorrupt, int maxHunkBytes,
            RecordCodec codec, Consumer<String> messages) {
        this(in, size, ignoreCorrupt, maxHunkBytes, codec, messages, ReadAhead.OFF);
    }

    private static HunkSource hunks(HunkFetcher fetcher, String url, long size, ReadAhead readAhead) {
        switch (readAhead) {
            case ON:
                return new ReadAheadHunks(fetcher, url);
            case AUTO:
                return new SpareCoreHunks(fetcher, url, size, ReadAheadPermits.JVM);
            default:
                return new HunkSource.Inline(fetcher);
        }
    }

    @Override
    public boolean advance() throws IOException {
        hasCurrent = false;
        if (failure != null) {
            throw failure;
        }
        while (true) {
            if (oldFormat != null) {
                if (oldFormat.advance()) {
                    current = oldFormat.current();
                    hasCurrent = true;
                    return true;
                }
                return false;
            }
            if (pos < lim) {
                int start = pos;
                try {
                    current = decoder.decode(plain, pos, lim);
                    pos = decoder.end();
                    hasCurrent = true;
                    return true;
                } catch (DataException e) {
                    pos = lim;
                    corrupt(e.detail() + " (record at payload byte " + start + ")", e);
                    continue;
                }
            }
            if (done || !nextHunk()) {
                done = true;
                return false;
            }
        }
    }

    /** Takes the next hunk; false at the end of the data. */
    private boolean nextHunk() throws IOException {
        pos = 0;
        lim = 0;
        Hunk h = hunks.next();
        plain = h.plain;
        switch (h.kind) {
            case DATA:
                lim = h.length;
                payloadStart = h.payloadStart;
                payloadEnd = h.payloadEnd;
                return true;
            case CORRUPT:
                payloadStart = h.payloadStart;
                payloadEnd = h.payloadEnd;
                corrupt(h.detail, (DataException) h.failure);
                return true;
            case OLD_FORMAT:
                oldFormat = new OldNetstrRecordReader(in, size < 0 ? -1 : Math.max(0, size - h.at), maxHunkBytes);
                return true;
            case TRUNCATED:
                if (!ignoreCorrupt) {
                    throw fail(new DataException(h.detail, in.url()));
                }
                skip("Skipped corrupt data in " + in.url() + ": " + h.detail);
                return false;
            case FATAL:
                if (h.failure instanceof DataException) {
                    throw fail((DataException) h.failure);
                }
                throw (RuntimeException) h.failure;
            default:
                return false;
        }
    }

    @Override
    public Object current() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no current record: call advance() first");
        }
        return current;
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        hunks.close();
        in.close();
    }

    private void corrupt(String detail, DataException cause) throws DataException {
        String message = "Corrupted data between bytes " + payloadStart + "-" + payloadEnd + ": " + detail;
        if (!ignoreCorrupt) {
            throw fail(new DataException(message, in.url(), cause));
        }
        skip("Skipped corrupt hunk of " + in.url() + ": " + message);
    }

    private void skip(String message) {
        skipped++;
        messages.accept(message);
    }

    /** Remembers a failure, so that a later {@code advance()} fails the same way. */
    private DataException fail(DataException e) {
        failure = e;
        return e;
    }
}
