package io.jdisco.worker.classic.internal.combine;

/**
 * What the linear-probing tables share: the hash a key's slot is found by ({@link #mix}, for
 * {@link SumCombineTable}, {@link BytesSumTable} and the map's {@code ByteKeyLabels}), and the
 * slot arrays of the arena tables, each slot {@code (hash << 32) | (arena offset + 1)}, 0 when
 * empty, probed linearly from {@code hash & (length - 1)}.
 */
public final class HashSlots {
    private HashSlots() {
    }

    /**
     * The slot hash of a key whose {@code hashCode} is {@code hashCode}: multiplied by the golden
     * ratio and its high bits folded down, so that keys whose hash codes differ only in high bits
     * (short byte strings) still spread over the low bits a slot index takes.
     */
    public static int mix(int hashCode) {
        int h = hashCode * 0x9E3779B9;
        return h ^ (h >>> 15);
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
