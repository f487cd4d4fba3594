package io.jdisco.taskio;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of the internal-format reader ({@code disco_input_stream}, SPEC §7.4): whether corrupt
 * hunks are skipped (default no, see {@link TaskIo#discoInputStream(boolean)}), the largest hunk
 * accepted (default {@link TaskIo#DEFAULT_MAX_HUNK_BYTES}), the record codec (default
 * {@link PickleCodec}) and read-ahead (default off). Immutable; each {@code with} method returns a
 * copy.
 */
public final class DiscoInputOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final DiscoInputOptions DEFAULTS =
            new DiscoInputOptions(false, TaskIo.DEFAULT_MAX_HUNK_BYTES, PickleCodec.INSTANCE, false);

    private final boolean ignoreCorrupt;
    private final int maxHunkBytes;
    private final RecordCodec codec;
    private final boolean readAhead;

    private DiscoInputOptions(boolean ignoreCorrupt, int maxHunkBytes, RecordCodec codec, boolean readAhead) {
        this.ignoreCorrupt = ignoreCorrupt;
        this.maxHunkBytes = maxHunkBytes;
        this.codec = codec;
        this.readAhead = readAhead;
    }

    /** Strict, 256 MiB hunks, pickle, no read-ahead. */
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

    /**
     * With a daemon thread per reader that reads and inflates the next hunk while records of the
     * current one are decoded: faster when the task has a second core to spare, at the cost of
     * one more hunk buffer.
     */
    public DiscoInputOptions withReadAhead(boolean readAhead) {
        return new DiscoInputOptions(ignoreCorrupt, maxHunkBytes, codec, readAhead);
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

    /** Whether hunks are read ahead on another thread. */
    public boolean readAhead() {
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
                + (readAhead ? ", readAhead" : "");
    }
}
