package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordCountsTest {
    @Test
    void printsWordsSortedByTheirBytesWithTheirCounts() throws Exception {
        WordCounts counts = new WordCounts();
        counts.add(Bytes.latin1("the"), 3);
        counts.add(Bytes.of(new byte[] {(byte) 0xc3, (byte) 0xa9}), 1);
        counts.add(Bytes.latin1("an"), Long.MAX_VALUE);
        counts.add(Bytes.latin1("thereby"), -2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        counts.print(out);
        byte[] expected = ("an\t" + Long.MAX_VALUE + "\nthe\t3\nthereby\t-2\n\u00e9\t1\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1), out.toString(StandardCharsets.ISO_8859_1));
        assertEquals(4, counts.size());
    }

    @Test
    void keepsManyWordsAsTheyCameWhateverTheirLengths() throws Exception {
        Random rnd = new Random(7);
        WordCounts counts = new WordCounts();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String word = "w" + Integer.toString(rnd.nextInt(1 << 30), 36) + "x".repeat(rnd.nextInt(3) == 0 ? 5000 : 0);
            counts.add(Bytes.latin1(word), i);
            lines.add(word + "\t" + i + "\n");
        }
        Collections.sort(lines, (a, b) -> {
            int c = a.substring(0, a.indexOf('\t')).compareTo(b.substring(0, b.indexOf('\t')));
            return c; // a stable sort keeps equal words in arrival order
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        counts.print(out);
        assertEquals(String.join("", lines), out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void anEmptyResultPrintsNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WordCounts().print(out);
        assertEquals(0, out.size());
    }
}
