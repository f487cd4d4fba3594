package io.jdisco.worker.classic.internal.stage;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.classic.internal.combine.HashSlots;
import io.jdisco.worker.classic.internal.combine.KeySums;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The partition labels of {@link Bytes} keys already seen, for a deterministic partition function
 * (the built-in ones) on a map without combiner, where every pair is labelled: word count without
 * combiner labels each of its words. {@link LabelCache}, direct-mapped over key objects, missed
 * on most of a big text's words and followed two references per lookup; labelling (an MD5 and the
 * cache) was over a third of such a map task. Here the keys' bytes and labels lie in one arena,
 * as in the combiner's {@code BytesSumTable}:
 *
 * <pre>
 * entry at offset o:  o+0  i32  label
 *                     o+4  i32  key length n
 *                     o+8  n    key bytes
 * slots[i]:           (hash << 32) | (o + 1), 0 = empty; linear probing, at most 3/4 full
 * </pre>
 *
 * <p>At most {@link #MAX_KEYS} keys are kept (the first ones, which in a text include its common
 * words); later new keys are labelled each time. A map whose keys rarely repeat (a sort's unique
 * records) would only pay for the lookups: after {@link #TRIAL} lookups with fewer than a quarter
 * of them hits, the table is dropped and every key goes straight to the labeller.
 */
final class ByteKeyLabels {
    /** Lookups before the table judges whether it pays: {@link LabelCache}'s trial. */
    static final int TRIAL = LabelCache.TRIAL;
    /** The most keys kept (about 10 MB of slots and arena for words). */
    static final int MAX_KEYS = 1 << 18;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int HEADER = 8;

    private long[] slots = new long[1 << 8];
    private byte[] arena = new byte[1 << 12];
    private int used;
    private int size;
    /** Lookups and hits of the trial; they stop counting once it is over. */
    private int lookups;
    private int hits;
    private boolean bypassed;

    /** The label of {@code key}: kept, or asked of {@code labeller} and kept while there is room. */
    int label(Bytes key, KeySums.Labeller labeller) {
        if (bypassed) {
            return labeller.label(key);
        }
        boolean trial = lookups < TRIAL;
        if (trial && ++lookups == TRIAL && hits < TRIAL / 4) {
            bypassed = true;
            slots = null;
            arena = null;
            return labeller.label(key);
        }
        int hash = HashSlots.mix(key.hashCode());
        int n = key.length();
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                int label = labeller.label(key);
                if (size < MAX_KEYS) {
                    insert(i, hash, key, label);
                }
                return label;
            }
            if ((int) (s >>> 32) == hash) {
                int o = (int) s - 1;
                if ((int) INT.get(arena, o + 4) == n && key.rangeEquals(0, n, arena, o + HEADER)) {
                    if (trial) {
                        hits++;
                    }
                    return (int) INT.get(arena, o);
                }
            }
        }
    }

    /** Whether the trial found too few repeated keys, so the table is no longer consulted. */
    boolean bypassed() {
        return bypassed;
    }

    private void insert(int slot, int hash, Bytes key, int label) {
        int n = key.length();
        if (arena.length - used < HEADER + n) {
            long want = Math.max(arena.length * 2L, (long) used + HEADER + n);
            if (want > Integer.MAX_VALUE - 16) {
                return; // a few huge keys: keep no more of them
            }
            arena = Arrays.copyOf(arena, (int) want);
        }
        int o = used;
        INT.set(arena, o, label);
        INT.set(arena, o + 4, n);
        key.copyTo(arena, o + HEADER);
        used = o + HEADER + n;
        slots[slot] = (long) hash << 32 | (o + 1L);
        if (++size > slots.length - (slots.length >> 2)) {
            rehash();
        }
    }

    private void rehash() {
        slots = HashSlots.doubled(slots);
    }
}
