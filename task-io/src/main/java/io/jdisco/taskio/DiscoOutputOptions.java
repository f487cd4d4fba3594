package io.jdisco.taskio;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of the internal-format writer ({@code DiscoOutputStream_v1}, SPEC §7.4): zlib level
 * (default 2; 0 stores hunks uncompressed), the buffered size after which a hunk is written
 * (default 1 MiB), the largest encoded record accepted (default 0: no limit) and the record
 * codec (default {@link PickleCodec}). Immutable; each {@code with} method returns a copy.
 */
public final class DiscoOutputOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final DiscoOutputOptions DEFAULTS = new DiscoOutputOptions(2, 1024 * 1024, 0, PickleCodec.INSTANCE);

    private final int compressionLevel;
    private final int minHunkSize;
    private final int maxRecordSize;
    private final RecordCodec codec;

    private DiscoOutputOptions(int compressionLevel, int minHunkSize, int maxRecordSize, RecordCodec codec) {
        this.compressionLevel = compressionLevel;
        this.minHunkSize = minHunkSize;
        this.maxRecordSize = maxRecordSize;
        this.codec = codec;
    }

    /** Python's defaults: level 2, 1 MiB hunks, no record limit, pickle. */
    public static DiscoOutputOptions defaults() {
        return DEFAULTS;
    }

    /** With zlib level {@code level} (0–9; 0 = uncompressed hunks, which end in a zero-length hunk). */
    public DiscoOutputOptions withCompressionLevel(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("compression level must be 0..9, got " + level);
        }
        return new DiscoOutputOptions(level, minHunkSize, maxRecordSize, codec);
    }

    /** With hunks written once they hold more than {@code bytes} bytes. */
    public DiscoOutputOptions withMinHunkSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("min hunk size must be >= 0, got " + bytes);
        }
        return new DiscoOutputOptions(compressionLevel, bytes, maxRecordSize, codec);
    }

    /** With records larger than {@code bytes} encoded bytes refused (0 = no limit). */
    public DiscoOutputOptions withMaxRecordSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("max record size must be >= 0, got " + bytes);
        }
        return new DiscoOutputOptions(compressionLevel, minHunkSize, bytes, codec);
    }

    /** With records encoded by {@code codec}. */
    public DiscoOutputOptions withCodec(RecordCodec codec) {
        Objects.requireNonNull(codec, "codec");
        int v = codec.formatVersion();
        if (v < 1 || v > 127) {
            throw new IllegalArgumentException("codec format version must be 1..127, got " + v);
        }
        return new DiscoOutputOptions(compressionLevel, minHunkSize, maxRecordSize, codec);
    }

    /** The zlib level. */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** The hunk flush threshold in bytes. */
    public int minHunkSize() {
        return minHunkSize;
    }

    /** The record size limit in bytes, 0 for none. */
    public int maxRecordSize() {
        return maxRecordSize;
    }

    /** The record codec. */
    public RecordCodec codec() {
        return codec;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DiscoOutputOptions)) {
            return false;
        }
        DiscoOutputOptions x = (DiscoOutputOptions) o;
        return compressionLevel == x.compressionLevel && minHunkSize == x.minHunkSize
                && maxRecordSize == x.maxRecordSize && codec.equals(x.codec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(compressionLevel, minHunkSize, maxRecordSize, codec);
    }

    @Override
    public String toString() {
        return "level " + compressionLevel + ", min hunk " + minHunkSize + ", max record "
                + (maxRecordSize == 0 ? "unlimited" : maxRecordSize) + ", codec " + codec;
    }
}
