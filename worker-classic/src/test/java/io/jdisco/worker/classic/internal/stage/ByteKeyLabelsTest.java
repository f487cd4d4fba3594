package io.jdisco.worker.classic.internal.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.classic.internal.combine.KeySums;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteKeyLabelsTest {
    /** A labeller giving a key its length mod 3, noting each key it is asked for. */
    private static KeySums.Labeller lengths(List<Object> asked) {
        return key -> {
            asked.add(key);
            return ((Bytes) key).length() % 3;
        };
    }

    @Test
    void asksOnceForARepeatedKeyWhetherWholeOrASliceOfALine() {
        ByteKeyLabels labels = new ByteKeyLabels();
        List<Object> asked = new ArrayList<>();
        Bytes line = Bytes.latin1("to be or not to be");
        assertEquals(2, labels.label(line.slice(0, 2), lengths(asked)));
        assertEquals(2, labels.label(Bytes.latin1("to"), lengths(asked)));
        assertEquals(2, labels.label(line.slice(13, 15), lengths(asked)));
        assertEquals(0, labels.label(Bytes.latin1("not"), lengths(asked)));
        assertEquals(List.of(Bytes.latin1("to"), Bytes.latin1("not")), asked);
    }

    @Test
    void keepsEveryKeysLabelWhileTheTableGrows() {
        ByteKeyLabels labels = new ByteKeyLabels();
        List<Object> asked = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 20_000; i++) {
                Bytes key = Bytes.latin1("key-" + i);
                assertEquals(key.length() % 3, labels.label(key, lengths(asked)));
            }
        }
        assertEquals(20_000, asked.size(), "each key asked once");
        assertFalse(labels.bypassed());
    }

    @Test
    void newKeysPastTheLimitAreAskedEachTimeAndStillAnswered() {
        ByteKeyLabels labels = new ByteKeyLabels();
        List<Object> asked = new ArrayList<>();
        for (int i = 0; i < ByteKeyLabels.MAX_KEYS; i++) {
            labels.label(Bytes.latin1("k" + i), lengths(asked));
            labels.label(Bytes.latin1("k0"), lengths(asked)); // repeats keep the trial's hits up
        }
        asked.clear();
        Bytes late = Bytes.latin1("late key");
        assertEquals(late.length() % 3, labels.label(late, lengths(asked)));
        assertEquals(late.length() % 3, labels.label(late, lengths(asked)));
        assertEquals(List.of(late, late), asked);
        labels.label(Bytes.latin1("k1"), lengths(asked));
        assertEquals(2, asked.size(), "a kept key is not asked again");
    }

    @Test
    void stepsAsideWhenKeysRarelyRepeatAndStillAnswersEveryLabel() {
        ByteKeyLabels labels = new ByteKeyLabels();
        List<Object> asked = new ArrayList<>();
        for (int i = 0; i < ByteKeyLabels.TRIAL + 10; i++) {
            Bytes key = Bytes.latin1("unique-" + i);
            assertEquals(key.length() % 3, labels.label(key, lengths(asked)));
        }
        assertTrue(labels.bypassed());
        assertEquals(Bytes.latin1("x").length() % 3, labels.label(Bytes.latin1("x"), lengths(asked)));
        assertEquals(ByteKeyLabels.TRIAL + 11, asked.size());
    }
}
