package io.jdisco.worker.classic.internal;

import java.util.Objects;

/**
 * Remembers the partition labels of recently seen keys, for a deterministic partition function
 * (the built-in ones) on a map without combiner: word count emits every word, and an MD5 per word
 * was a large share of such a map. A direct-mapped cache by hash code, so frequent keys (the few
 * words that make up most of a text) are partitioned once; a key whose slot holds another key is
 * partitioned again and takes the slot.
 */
final class LabelCache {
    private static final int SIZE = 1 << 12;

    private final Object[] keys = new Object[SIZE];
    private final int[] labels = new int[SIZE];

    /** The label of {@code key}, cached or computed by {@code labeller}. */
    int label(Object key, KeySums.Labeller labeller) {
        if (key == null) {
            return labeller.label(null);
        }
        int h = key.hashCode() * 0x9E3779B9;
        int slot = h >>> (32 - 12);
        Object cached = keys[slot];
        if (cached != null && Objects.equals(cached, key)) {
            return labels[slot];
        }
        int label = labeller.label(key);
        keys[slot] = key;
        labels[slot] = label;
        return label;
    }
}
