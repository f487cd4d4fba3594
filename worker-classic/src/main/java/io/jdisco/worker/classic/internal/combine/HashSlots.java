package io.jdisco.worker.classic.internal.combine;

/**
 * The slot arrays of the arena tables ({@link BytesSumTable}, the map's {@code ByteKeyLabels}):
 * each slot is {@code (hash << 32) | (arena offset + 1)}, 0 when empty, probed linearly from
 * {@code hash & (length - 1)}.
 */
public final class HashSlots {
    private HashSlots() {
    }

    /** {@code slots} moved into an array twice as long, each entry at its probe position there. */
    public static long[] doubled(long[] slots) {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long s : slots) {
            if (s != 0) {
                int i = (int) (s >>> 32) & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = s;
            }
        }
        return bigger;
    }
}
