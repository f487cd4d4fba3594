package io.jdisco.worker.core.jobhome;

/**
 * How much a job home may unpack to: a master unpacks archives that strangers send it, and a zip
 * of a few hundred bytes can claim (or really inflate to) gigabytes. {@link JobHomeExtractor}
 * streams every entry to disk and stops at the first of these limits:
 *
 * <ul>
 *   <li>{@link #maxTotalBytes()}: the bytes written for the whole job home;
 *   <li>{@link #maxRatio()}: how many times its compressed size an entry may inflate to, checked
 *       once the entry has produced {@link #RATIO_FLOOR} bytes (small, very compressible files
 *       such as a short script full of blanks are fine; a "zip bomb" is not).
 * </ul>
 *
 * Immutable.
 */
public final class ExtractionLimits {
    /** An entry is held to {@link #maxRatio()} only past this many bytes (1 MiB). */
    public static final long RATIO_FLOOR = 1L << 20;

    private static final ExtractionLimits DEFAULTS = new ExtractionLimits(1L << 30, 200);

    private final long maxTotalBytes;
    private final int maxRatio;

    private ExtractionLimits(long maxTotalBytes, int maxRatio) {
        if (maxTotalBytes < 1) {
            throw new IllegalArgumentException("maxTotalBytes must be positive, got " + maxTotalBytes);
        }
        if (maxRatio < 1) {
            throw new IllegalArgumentException("maxRatio must be at least 1, got " + maxRatio);
        }
        this.maxTotalBytes = maxTotalBytes;
        this.maxRatio = maxRatio;
    }

    /**
     * The defaults: 1 GiB in all (the largest job pack a master accepts is 1 GiB, and a job home of
     * jars stored as they are unpacks to about its own size) and a ratio of 200 (deflate reaches
     * about 1,000 on runs of one byte; text and class files stay well under 20).
     */
    public static ExtractionLimits defaults() {
        return DEFAULTS;
    }

    /** Limits of {@code maxTotalBytes} in all and {@code maxRatio} per entry. */
    public static ExtractionLimits of(long maxTotalBytes, int maxRatio) {
        return new ExtractionLimits(maxTotalBytes, maxRatio);
    }

    /** The most bytes a job home may unpack to. */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    /** The most times its compressed size an entry past {@link #RATIO_FLOOR} bytes may unpack to. */
    public int maxRatio() {
        return maxRatio;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtractionLimits other && other.maxTotalBytes == maxTotalBytes
                && other.maxRatio == maxRatio;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxTotalBytes) * 31 + maxRatio;
    }

    @Override
    public String toString() {
        return "ExtractionLimits[" + maxTotalBytes + " bytes, ratio " + maxRatio + "]";
    }
}
