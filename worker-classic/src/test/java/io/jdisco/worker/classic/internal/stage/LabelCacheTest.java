package io.jdisco.worker.classic.internal.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.classic.internal.combine.KeySums;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelCacheTest {
    @Test
    void asksOnceForARepeatedKeyAndAlwaysAnswersItsOwnLabel() {
        LabelCache cache = new LabelCache();
        List<Object> asked = new ArrayList<>();
        KeySums.Labeller labeller = key -> {
            asked.add(key);
            return key == null ? 7 : ((Bytes) key).length();
        };
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10_000; i++) {
                Bytes key = Bytes.latin1("w".repeat(i % 5) + i % 50);
                assertEquals(key.length(), cache.label(key, labeller));
            }
        }
        assertEquals(7, cache.label(null, labeller));
        assertEquals(50 + 1, asked.size(), "each of the 50 keys once, and null, which is never cached");
    }

    @Test
    void stepsAsideWhenKeysRarelyRepeatAndStillAnswersEveryLabel() {
        LabelCache cache = new LabelCache();
        int[] asked = {0};
        KeySums.Labeller labeller = key -> {
            asked[0]++;
            return ((Bytes) key).length() % 3;
        };
        int n = LabelCache.TRIAL * 2;
        for (int i = 0; i < n; i++) {
            Bytes key = Bytes.latin1("k" + i);
            assertEquals(key.length() % 3, cache.label(key, labeller));
        }
        assertTrue(cache.bypassed());
        assertEquals(n, asked[0]);
    }

    @Test
    void keepsCachingWhenKeysRepeat() {
        LabelCache cache = new LabelCache();
        KeySums.Labeller labeller = key -> 1;
        for (int i = 0; i < LabelCache.TRIAL * 2; i++) {
            cache.label(Bytes.latin1("w" + i % 100), labeller);
        }
        assertFalse(cache.bypassed());
    }
}
