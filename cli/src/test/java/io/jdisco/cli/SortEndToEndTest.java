package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.local.LocalMaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sort command on a local master: records from two files merged from 3 partitions in byte order. */
class SortEndToEndTest {
    @TempDir
    static Path tmp;
    private static LocalMaster master;

    @BeforeAll
    static void start() {
        master = LocalMaster.start();
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    @Test
    void sortPrintsEveryRecordOnceOrderedByItsKeyBytesThenTheRest() throws Exception {
        Random random = new Random(7);
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++) {
            byte[] line = new byte[12];
            for (int j = 0; j < 4; j++) {
                line[j] = (byte) (0x21 + random.nextInt(3) * 40 + (i % 2) * 100); // repeated keys, bytes > 0x7f
            }
            byte[] rest = String.format(" r%05d\n", 299 - i).getBytes(StandardCharsets.US_ASCII); // against input order
            System.arraycopy(rest, 0, line, 4, rest.length);
            lines.add(line);
            (i < 150 ? first : second).writeBytes(line);
        }
        Path a = Files.write(tmp.resolve("a.txt"), first.toByteArray());
        Path b = Files.write(tmp.resolve("b.txt"), second.toByteArray());
        CliRun run = CliRun.of("sort", "--master", master.url(), "--partitions", "3", "--key-bytes", "4",
                a.toString(), b.toString());
        assertEquals(0, run.status(), run.describe());

        lines.sort(Arrays::compareUnsigned);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        lines.forEach(expected::writeBytes);
        assertArrayEquals(expected.toByteArray(), run.out(), run.text());
    }

    @Test
    void sortOfInputsThatAreNotLocalFilesMergesTheHashPartitionsInOrder() throws Exception {
        List<String> args = new ArrayList<>(List.of("sort", "--master", master.url(), "--partitions", "3",
                "--key-bytes", "2"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // 6 keys: each twice
            String line = (char) ('a' + (i * 7) % 3) + "" + (char) ('a' + i % 2) + "-" + (11 - i);
            lines.add(line);
            args.add("raw://" + line);
        }
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, run.status(), run.describe());

        lines.sort(null);
        assertEquals(String.join("\n", lines) + "\n", run.text());
    }

    @Test
    void sortOfALineShorterThanTheKeyKeysItByItself() throws Exception {
        CliRun run = CliRun.of("sort", "--master", master.url(), "--key-bytes", "10", "raw://short",
                "raw://shorter than ten bytes? no", "raw://sh");
        assertEquals(0, run.status(), run.describe());
        assertEquals("sh\nshort\nshorter than ten bytes? no\n", run.text());
    }

    @Test
    void sortOfAnyTextEqualsTheByteOrderOfItsLinesAsLcAllCSortGivesIt() throws Exception {
        Path readme = Path.of(System.getProperty("jdisco.testdata")).getParent().resolve("README.md");
        Path empties = Files.writeString(tmp.resolve("empties.txt"), "b\n\n\na\n \n\nab\na\nlast without newline");
        byte[] junk = new byte[200_000];
        new Random(11).nextBytes(junk);
        Path binary = Files.write(tmp.resolve("junk.bin"), junk);
        for (Path file : List.of(readme, empties, binary)) {
            byte[] expected = Expected.cSort(Files.readAllBytes(file));
            for (List<String> options : List.<List<String>>of(List.of(), List.of("--key-bytes", "0"), List.of("--key-bytes", "3",
                    "--partitions", "3"), List.of("--partitions", "2", "--workers", "reused"))) {
                List<String> args = new ArrayList<>(List.of("sort"));
                args.addAll(options);
                if (!options.contains("--workers")) {
                    args.addAll(List.of("--workers", "threads"));
                }
                args.add(file.toString());
                CliRun run = CliRun.of(args.toArray(new String[0]));
                assertEquals(0, run.status(), file + " " + options + ": " + run.describe());
                assertArrayEquals(expected, run.out(), file + " " + options);
            }
        }
    }
}
