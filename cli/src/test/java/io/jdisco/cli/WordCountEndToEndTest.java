package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code wordcount} command on a local master over file, raw and http inputs, with 1 and 4
 * partitions, sorted and hashed reduces, with and without the combiner, against an independent
 * count.
 */
class WordCountEndToEndTest {
    private static final byte[] FILE_TEXT = bytes("the quick brown fox\njumps over\tthe lazy dog\r\n"
            + "caf\u00e9 na\u00efve\u000bthe\fend\n\n  spaced   out  \nno newline at end");
    private static final String RAW_TEXT = "the fox and\tthe dog";
    private static final byte[] HTTP_TEXT = bytes("over and over\nthe end\n".repeat(50));

    @TempDir
    static Path tmp;
    private static LocalMaster master;
    private static TestHttp http;
    private static List<String> inputs;

    @BeforeAll
    static void start() throws Exception {
        master = LocalMaster.start();
        http = new TestHttp();
        Path file = tmp.resolve("words.txt");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(FILE_TEXT);
        content.writeBytes(new byte[] {'\n', 'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        Files.write(file, content.toByteArray());
        inputs = new ArrayList<>(List.of(file.toString(), "raw://" + RAW_TEXT, http.serve("/words", HTTP_TEXT)));
    }

    @AfterAll
    static void stop() {
        http.close();
        master.close();
    }

    @ParameterizedTest(name = "partitions {0}, sort {1}, combiner {2}")
    @CsvSource({"1, true, true", "1, false, false", "4, true, false", "4, false, true"})
    void countsEveryWordOfFileRawAndHttpInputs(int partitions, boolean sort, boolean combiner) throws Exception {
        List<String> args = new ArrayList<>(List.of("wordcount", "--master", master.url(),
                "--partitions", Integer.toString(partitions)));
        if (sort) {
            args.add("--sort");
        }
        if (!combiner) {
            args.add("--no-combiner");
        }
        args.addAll(inputs);
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, run.status(), run.describe());
        byte[] expected = Expected.wordCount(Files.readAllBytes(Path.of(inputs.get(0))), bytes(RAW_TEXT), HTTP_TEXT);
        assertArrayEquals(expected, run.out(), () -> "got:\n" + run.text() + "\nexpected:\n"
                + new String(expected, StandardCharsets.UTF_8));
        assertTrue(run.err().contains(" done in "), run.err());
    }

    @Test
    void countsTheWordsOfAFileReadInPartsOnceEach() throws Exception {
        Path file = Path.of(inputs.get(0));
        long size = Files.size(file);
        long cut = size / 2 + 1; // inside a line, most likely: either way each line is read once
        CliRun run = CliRun.of("wordcount", "--master", master.url(),
                "part://0-" + cut + file, "part://" + cut + "-" + size + file);
        assertEquals(0, run.status(), run.describe());
        assertArrayEquals(Expected.wordCount(Files.readAllBytes(file)), run.out(), run::text);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
