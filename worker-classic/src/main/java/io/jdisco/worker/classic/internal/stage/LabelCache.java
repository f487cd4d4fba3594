package io.jdisco.worker.classic.internal.stage;

import io.jdisco.worker.classic.internal.combine.KeySums;
import java.util.Objects;

/**
 * Remembers the partition labels of recently seen keys, for a deterministic partition function
 * (the built-in ones) on a map without combiner: word count emits every word, and an MD5 per word
 * was a large share of such a map. A direct-mapped cache by hash code, so frequent keys (the few
 * words that make up most of a text) are partitioned once; a key whose slot holds another key is
 * partitioned again and takes the slot.
 *
 * <p>A map whose keys rarely repeat (a sort's unique record keys) would pay for a hash code and a
 * comparison per key for nothing (a third of the 100 MB sort's map task): after a trial of
 * {@link #TRIAL} lookups with fewer than a quarter of them hits, the cache steps aside and every
 * key goes straight to the labeller.
 */
final class LabelCache {
    /** Lookups before the cache judges whether it pays. */
    static final int TRIAL = 1 << 16;
    private static final int SIZE = 1 << 12;

    private final Object[] keys = new Object[SIZE];
    private final int[] labels = new int[SIZE];
    /** Lookups and hits of the trial; they stop counting once it is over. */
    private int lookups;
    private int hits;
    private boolean bypassed;

    /** The label of {@code key}, cached or computed by {@code labeller}. */
    int label(Object key, KeySums.Labeller labeller) {
        if (key == null || bypassed) {
            return labeller.label(key);
        }
        boolean trial = lookups < TRIAL;
        if (trial && ++lookups == TRIAL) {
            bypassed = hits < TRIAL / 4;
        }
        int h = key.hashCode() * 0x9E3779B9;
        int slot = h >>> (32 - 12);
        Object cached = keys[slot];
        if (cached != null && Objects.equals(cached, key)) {
            if (trial) {
                hits++;
            }
            return labels[slot];
        }
        int label = labeller.label(key);
        keys[slot] = key;
        labels[slot] = label;
        return label;
    }

    /** Whether the trial found too few repeated keys, so the cache is no longer consulted. */
    boolean bypassed() {
        return bypassed;
    }
}
