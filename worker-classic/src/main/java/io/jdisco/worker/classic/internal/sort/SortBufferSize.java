package io.jdisco.worker.classic.internal.sort;

import java.util.Locale;
import java.util.Objects;

/**
 * Parses {@code sort_buffer_size} (SPEC §5.1): Disco passes it to {@code sort -S}, so it is a
 * percentage of memory ({@code "10%"}, the default) or a size with an optional suffix
 * {@code b}, {@code K}, {@code M}, {@code G}, {@code T} (powers of 1024; no suffix means KiB, as
 * for {@code sort}). A number is a byte count. Percentages here are of the JVM's maximum heap.
 */
public final class SortBufferSize {
    /** The smallest buffer used, whatever is asked: below this the run files get silly. */
    public static final long MINIMUM_BYTES = 64 * 1024;

    private SortBufferSize() {
    }

    /**
     * The buffer size in bytes for {@code spec}, given the JVM's maximum heap.
     *
     * @throws IllegalArgumentException when {@code spec} is not a size, naming it
     */
    public static long bytes(Object spec, long maxHeapBytes) {
        Objects.requireNonNull(spec, "spec");
        long n;
        if (spec instanceof Number) {
            n = ((Number) spec).longValue();
        } else {
            n = parse(spec.toString().trim(), maxHeapBytes);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("sort_buffer_size must be positive, got " + spec);
        }
        return Math.max(n, MINIMUM_BYTES);
    }

    private static long parse(String s, long maxHeapBytes) {
        try {
            if (s.endsWith("%")) {
                double pct = Double.parseDouble(s.substring(0, s.length() - 1));
                if (pct <= 0 || pct > 100) {
                    throw new IllegalArgumentException("sort_buffer_size percentage must be in (0, 100], got " + s);
                }
                return (long) (maxHeapBytes * pct / 100.0);
            }
            char last = Character.toUpperCase(s.isEmpty() ? '?' : s.charAt(s.length() - 1));
            String digits = Character.isDigit(last) ? s : s.substring(0, s.length() - 1);
            long unit = unit(Character.isDigit(last) ? 'K' : last, s);
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("sort_buffer_size is not a size: '" + s
                    + "' (use e.g. \"10%\", \"64M\" or a byte count)", e);
        }
    }

    private static long unit(char suffix, String spec) {
        switch (suffix) {
            case 'B':
                return 1;
            case 'K':
                return 1L << 10;
            case 'M':
                return 1L << 20;
            case 'G':
                return 1L << 30;
            case 'T':
                return 1L << 40;
            default:
                throw new IllegalArgumentException("sort_buffer_size has an unknown suffix: '"
                        + spec.toUpperCase(Locale.ROOT) + "' (use b, K, M, G, T or %)");
        }
    }
}
