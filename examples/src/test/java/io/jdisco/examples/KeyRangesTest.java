package io.jdisco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRangesTest {
    @TempDir
    Path dir;

    private static Bytes b(String s) {
        return Bytes.latin1(s);
    }

    @Test
    void putsAKeyEqualToASplitPointInTheRangeAboveIt() {
        KeyRanges r = KeyRanges.of(List.of(b("g"), b("p")), 3);
        Params none = Params.of(java.util.Map.of());
        assertEquals(0, r.partition(b("a"), 3, none));
        assertEquals(0, r.partition(b("f\u00ff"), 3, none));
        assertEquals(1, r.partition(b("g"), 3, none));
        assertEquals(1, r.partition(b("o"), 3, none));
        assertEquals(2, r.partition(b("p"), 3, none));
        assertEquals(2, r.partition(b("\u00ff"), 3, none), "bytes compare unsigned");
        assertEquals(0, r.partition(Bytes.EMPTY, 3, none));
    }

    @Test
    void refusesSplitPointsOutOfOrderOrOfTheWrongCount() {
        assertThrows(IllegalArgumentException.class, () -> KeyRanges.of(List.of(b("p"), b("g")), 3));
        assertThrows(IllegalArgumentException.class, () -> KeyRanges.of(List.of(b("g")), 3));
        KeyRanges two = KeyRanges.of(List.of(b("g")), 2);
        assertThrows(IllegalArgumentException.class, () -> two.partition(b("a"), 3, Params.of(java.util.Map.of())));
    }

    @Test
    void sampledRangesSplitRandomKeysEvenly() throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        String[] keys = new String[40_000];
        for (int i = 0; i < keys.length; i++) {
            char[] k = new char[10];
            for (int j = 0; j < k.length; j++) {
                k[j] = (char) ('!' + random.nextInt(94));
            }
            keys[i] = new String(k);
            text.append(keys[i]).append(" payload ").append(i).append('\n');
        }
        Path a = dir.resolve("a.txt");
        Path c = dir.resolve("c.txt");
        int half = text.length() / 2;
        int cut = text.indexOf("\n", half) + 1;
        Files.writeString(a, text.substring(0, cut), StandardCharsets.ISO_8859_1);
        Files.writeString(c, text.substring(cut), StandardCharsets.ISO_8859_1);

        KeyRanges ranges = KeyRanges.sample(List.of(a, c), 10, 4);
        int[] counts = new int[4];
        for (String k : keys) {
            counts[ranges.partition(b(k), 4, null)]++;
        }
        for (int n : counts) {
            assertTrue(Math.abs(n - keys.length / 4) < keys.length / 20,
                    "within 5 % of a quarter: " + List.of(counts[0], counts[1], counts[2], counts[3]));
        }
    }

    @Test
    void sampleNamesAFileItCannotRead() {
        Path missing = dir.resolve("missing.txt");
        IOException e = assertThrows(IOException.class, () -> KeyRanges.sample(List.of(missing), 10, 2));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
