package io.jdisco.worker.classic.internal.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HashSlotsTest {
    @Test
    void doubledKeepsEveryEntryReachableByProbingFromItsHash() {
        long[] slots = new long[8];
        int[] hashes = {3, 11, 19, 5, 6};
        for (int k = 0; k < hashes.length; k++) {
            int i = hashes[k] & 7;
            while (slots[i] != 0) {
                i = (i + 1) & 7;
            }
            slots[i] = (long) hashes[k] << 32 | (k + 1);
        }
        long[] bigger = HashSlots.doubled(slots);
        assertEquals(16, bigger.length);
        assertEquals(hashes.length, Arrays.stream(bigger).filter(s -> s != 0).count());
        for (int k = 0; k < hashes.length; k++) {
            int i = hashes[k] & 15;
            while (bigger[i] != ((long) hashes[k] << 32 | (k + 1))) {
                assertTrue(bigger[i] != 0, "entry " + k + " not found by probing");
                i = (i + 1) & 15;
            }
        }
    }
}
