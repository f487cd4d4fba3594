package io.jdisco.taskio;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of the internal-format reader ({@code disco_input_stream}, SPEC §7.4): whether corrupt
 * hunks are skipped (default no, see {@link TaskIo#discoInputStream(boolean)}), the largest hunk
 * accepted (default {@link TaskIo#DEFAULT_MAX_HUNK_BYTES}), the record codec (default
 * {@link PickleCodec}) and read-ahead (default {@link ReadAhead#AUTO}). Immutable; each
 * {@code with} method returns a copy.
 */
public final class DiscoInputOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final DiscoInputOptions DEFAULTS =
            new DiscoInputOptions(false, TaskIo.DEFAULT_MAX_HUNK_BYTES, PickleCodec.INSTANCE, ReadAhead.AUTO);

    /**
     * Whether a reader reads and inflates the next hunk on a second thread while the records of
     * the current one are decoded. Inflating is about two thirds of reading; on a second core it
     * overlaps with decoding (and with whatever the task does with the records), so a read takes
     * not much longer than inflating alone, for a few percent more CPU time in all.
     */
    public enum ReadAhead {
        /** Every hunk is read on the caller's thread. */
        OFF,
        /**
         * The first hunk is read on the caller's thread; from the second on, hunks are read
         * ahead if the JVM has a core to spare: the readers of one JVM read ahead on at most
         * {@code availableProcessors() - 1} threads at a time (none on one core), the others read
         * inline. A small input never starts a thread.
         */
        AUTO,
        /** Always a read-ahead thread from the first hunk on, whatever the number of cores. */
        ON
    }

    private final boolean ignoreCorrupt;
    private final int maxHunkBytes;
    private final RecordCodec codec;
    private final ReadAhead readAhead;

    private DiscoInputOptions(boolean ignoreCorrupt, int maxHunkBytes, RecordCodec codec, ReadAhead readAhead) {
        this.ignoreCorrupt = ignoreCorrupt;
        this.maxHunkBytes = maxHunkBytes;
        this.codec = codec;
        this.readAhead = readAhead;
    }

    /** Strict, 256 MiB hunks, pickle, read-ahead {@link ReadAhead#AUTO}. */
    public static DiscoInputOptions defaults() {
        return DEFAULTS;
    }

    /** With corrupt hunks skipped, counted and reported instead of failing. */
    public DiscoInputOptions withIgnoreCorrupt(boolean ignore) {
        return new DiscoInputOptions(ignore, maxHunkBytes, codec, readAhead);
    }

    /** With hunks (stored or inflated) of at most {@code bytes} bytes. */
    public DiscoInputOptions withMaxHunkBytes(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("max hunk bytes must be > 0, got " + bytes);
        }
        return new DiscoInputOptions(ignoreCorrupt, bytes, codec, readAhead);
    }

    /** With records decoded by {@code codec}. */
    public DiscoInputOptions withCodec(RecordCodec codec) {
        return new DiscoInputOptions(ignoreCorrupt, maxHunkBytes, Objects.requireNonNull(codec, "codec"), readAhead);
    }

    /** With the given read-ahead policy. */
    public DiscoInputOptions withReadAhead(ReadAhead readAhead) {
        return new DiscoInputOptions(ignoreCorrupt, maxHunkBytes, codec, Objects.requireNonNull(readAhead, "readAhead"));
    }

    /** With read-ahead {@link ReadAhead#ON} ({@code true}) or {@link ReadAhead#OFF} ({@code false}). */
    public DiscoInputOptions withReadAhead(boolean readAhead) {
        return withReadAhead(readAhead ? ReadAhead.ON : ReadAhead.OFF);
    }

    /** Whether corrupt hunks are skipped. */
    public boolean ignoreCorrupt() {
        return ignoreCorrupt;
    }

    /** The hunk size bound. */
    public int maxHunkBytes() {
        return maxHunkBytes;
    }

    /** The record codec. */
    public RecordCodec codec() {
        return codec;
    }

    /** The read-ahead policy. */
    public ReadAhead readAhead() {
        return readAhead;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DiscoInputOptions)) {
            return false;
        }
        DiscoInputOptions x = (DiscoInputOptions) o;
        return ignoreCorrupt == x.ignoreCorrupt && maxHunkBytes == x.maxHunkBytes && codec.equals(x.codec)
                && readAhead == x.readAhead;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ignoreCorrupt, maxHunkBytes, codec, readAhead);
    }

    @Override
    public String toString() {
        return "ignoreCorrupt=" + ignoreCorrupt + ", codec=" + codec
                + (maxHunkBytes != TaskIo.DEFAULT_MAX_HUNK_BYTES ? ", maxHunkBytes=" + maxHunkBytes : "")
                + (readAhead != ReadAhead.AUTO ? ", readAhead=" + readAhead : "");
    }
}
