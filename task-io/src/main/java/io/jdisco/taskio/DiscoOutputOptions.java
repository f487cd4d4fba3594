package io.jdisco.taskio;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of the internal-format writer ({@code DiscoOutputStream_v1}, SPEC §7.4): zlib level
 * (default 2; 0 stores hunks uncompressed), the buffered size after which a hunk is written
 * (default 1 MiB), the largest encoded record accepted (default 0: no limit) and the record
 * codec (default {@link PickleCodec}). Immutable; each {@code with} method returns a copy.
 *
 * <p>{@link #withStoredHunks()} is jdisco's one addition: records in uncompressed hunks, as at
 * level 0, but the file still ends in the 22-byte compressed empty hunk of level 2, so that files
 * can be concatenated (the classic shuffle does) without the zero-length end hunk of level 0
 * ending the stream early. Every Disco reader reads such files: each hunk says whether it is
 * compressed. zlib at level 2 deflates ~80 MB/s on one core, slower than a local disk or a 1 GbE
 * link, so a job whose intermediate data stays on a machine or a fast network gains by not
 * compressing it.
 */
public final class DiscoOutputOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final DiscoOutputOptions DEFAULTS = new DiscoOutputOptions(2, false, 1024 * 1024, 0,
            PickleCodec.INSTANCE);

    private final int compressionLevel;
    private final boolean storedHunks;
    private final int minHunkSize;
    private final int maxRecordSize;
    private final RecordCodec codec;

    private DiscoOutputOptions(int compressionLevel, boolean storedHunks, int minHunkSize, int maxRecordSize,
            RecordCodec codec) {
        this.compressionLevel = compressionLevel;
        this.storedHunks = storedHunks;
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
        return new DiscoOutputOptions(level, false, minHunkSize, maxRecordSize, codec);
    }

    /**
     * With records in uncompressed hunks and the compressed 22-byte end hunk of level 2, so that
     * files stay concatenable (see the class comment); {@link #compressionLevel()} is then 0.
     */
    public DiscoOutputOptions withStoredHunks() {
        return new DiscoOutputOptions(0, true, minHunkSize, maxRecordSize, codec);
    }

    /** With hunks written once they hold more than {@code bytes} bytes. */
    public DiscoOutputOptions withMinHunkSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("min hunk size must be >= 0, got " + bytes);
        }
        return new DiscoOutputOptions(compressionLevel, storedHunks, bytes, maxRecordSize, codec);
    }

    /** With records larger than {@code bytes} encoded bytes refused (0 = no limit). */
    public DiscoOutputOptions withMaxRecordSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("max record size must be >= 0, got " + bytes);
        }
        return new DiscoOutputOptions(compressionLevel, storedHunks, minHunkSize, bytes, codec);
    }

    /** With records encoded by {@code codec}. */
    public DiscoOutputOptions withCodec(RecordCodec codec) {
        Objects.requireNonNull(codec, "codec");
        int v = codec.formatVersion();
        if (v < 1 || v > 127) {
            throw new IllegalArgumentException("codec format version must be 1..127, got " + v);
        }
        return new DiscoOutputOptions(compressionLevel, storedHunks, minHunkSize, maxRecordSize, codec);
    }

    /** The zlib level. */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** True for {@link #withStoredHunks()}: uncompressed records, compressed end hunk. */
    public boolean storedHunks() {
        return storedHunks;
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
        return compressionLevel == x.compressionLevel && storedHunks == x.storedHunks && minHunkSize == x.minHunkSize
                && maxRecordSize == x.maxRecordSize && codec.equals(x.codec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(compressionLevel, storedHunks, minHunkSize, maxRecordSize, codec);
    }

    @Override
    public String toString() {
        return (storedHunks ? "stored hunks" : "level " + compressionLevel) + ", min hunk " + minHunkSize + ", max record "
                + (maxRecordSize == 0 ? "unlimited" : maxRecordSize) + ", codec " + codec;
    }
}
