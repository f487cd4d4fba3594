package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.cli.CliRun;
import io.jdisco.cli.Expected;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.taskio.plain.CompressedText;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text commands read a gzip file as the text inside, as zcat shows it. */
class CompressedInputTest {
    @TempDir
    Path tmp;
    private Path text;
    private Path gz;

    @BeforeEach
    void files() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("line ").append(i % 97).append(" word").append(i % 13).append('\t').append(i).append('\n');
        }
        b.append("\nlast line without newline");
        text = Files.writeString(tmp.resolve("x.txt"), b);
        gz = gzip(text, tmp.resolve("x.txt.gz"));
    }

    static Path gzip(Path from, Path to) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
        return to;
    }

    @Test
    void wordcountOfAGzipFileEqualsWordcountOfItsText() {
        for (String workers : List.of("threads", "reused")) {
            CliRun plain = CliRun.of("wordcount", "--workers", workers, text.toString());
            CliRun zipped = CliRun.of("wordcount", "--workers", workers, gz.toString());
            assertEquals(0, zipped.status(), zipped.describe());
            assertTrue(plain.out().length > 0);
            assertArrayEquals(plain.out(), zipped.out(), workers + ": " + zipped.text());
        }
    }

    @Test
    void grepJoinAndSortReadTheTextInsideAGzipFile() throws Exception {
        CliRun sort = CliRun.of("sort", "--workers", "threads", "--partitions", "2", gz.toString());
        assertEquals(0, sort.status(), sort.describe());
        assertArrayEquals(Expected.cSort(Files.readAllBytes(text)), sort.out());

        CliRun grep = CliRun.of("grep", "--workers", "threads", "word3\t42$", gz.toString());
        assertEquals(0, grep.status(), grep.describe());
        assertEquals("file://" + gz + "\tline 42 word3\t42\n", grep.text());

        Path left = gzip(Files.writeString(tmp.resolve("l.tsv"), "k1\tleft\nk2\tl2\n"), tmp.resolve("l.tsv.gz"));
        Path right = Files.writeString(tmp.resolve("r.tsv"), "k1\tright\n");
        CliRun join = CliRun.of("join", "--workers", "threads", left.toString(), right.toString());
        assertEquals(0, join.status(), join.describe());
        assertEquals("k1\tleft\tright\n", join.text());
    }

    @Test
    void aGzipFileIsNeverCutIntoLinePartsAndCountsByItsTextForAuto() throws Exception {
        assertEquals(List.of("file://" + gz), Inputs.lineParts(List.of("file://" + gz), WorkerMode.THREADS, 64));
        assertEquals(Files.size(text), CompressedText.textBytes(gz));
        assertTrue(CompressedText.isCompressed(gz));
        assertEquals(Files.size(text), CompressedText.textBytes(text));
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.auto(List.of("file://" + gz), Files.size(text) - 1));
        assertEquals(WorkerMode.THREADS, WorkerChoice.auto(List.of("file://" + gz), Files.size(text)));
    }
}
