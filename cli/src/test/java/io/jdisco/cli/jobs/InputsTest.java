package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.cli.UsageException;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
    @TempDir
    Path tmp;

    private Path sparse(String name, long size) throws Exception {
        Path p = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    @Test
    void aLocalPathBecomesAnAbsoluteFileUrl() throws Exception {
        Path p = Files.writeString(tmp.resolve("a.txt"), "x\n");
        assertEquals("file://" + p.toAbsolutePath(), Inputs.url(p.toString()));
    }

    @Test
    void aMissingLocalPathIsAUsageErrorNamingIt() {
        UsageException e = assertThrows(UsageException.class, () -> Inputs.url(tmp.resolve("gone").toString()));
        assertEquals(true, e.getMessage().contains("gone"), e.getMessage());
    }

    @Test
    void onProcessesAFileOverTheCutIsCutIntoNearlyEqualLinePartsOnePerSlot() throws Exception {
        long size = Inputs.CUT_BYTES + 1;
        Path big = sparse("big.txt", size);
        assertEquals(List.of("part://0-" + size / 2 + big, "part://" + size / 2 + "-" + size + big),
                Inputs.lineParts(List.of("file://" + big), WorkerMode.PROCESSES, 2));
    }

    @Test
    void aFileOverTheBiggestPartPerSlotIsCutIntoAMultipleOfTheSlots() throws Exception {
        long size = 2 * Inputs.MAX_PART_BYTES + 1;
        Path huge = sparse("huge.txt", size);
        List<String> parts = Inputs.lineParts(List.of("file://" + huge), WorkerMode.REUSED_PROCESSES, 2);
        assertEquals(4, parts.size(), parts.toString());
        assertEquals("part://" + 3 * size / 4 + "-" + size + huge, parts.get(3));
    }

    @Test
    void aFileWithASlotOfItsOwnIsCutOnlyOverTheBiggestPart() throws Exception {
        List<String> whole = List.of("file://" + sparse("a.txt", Inputs.MAX_PART_BYTES),
                "file://" + sparse("b.txt", Inputs.CUT_BYTES + 1));
        assertEquals(whole, Inputs.lineParts(whole, WorkerMode.PROCESSES, 2));
        Path over = sparse("c.txt", Inputs.MAX_PART_BYTES + 1);
        List<String> twice = List.of("file://" + over, "file://" + over);
        assertEquals(4, Inputs.lineParts(twice, WorkerMode.PROCESSES, 2).size(), "two parts each");
    }

    @Test
    void aFileOfTwoChunksAndOtherUrlsStayAsTheyAre() throws Exception {
        Path chunk = sparse("chunk.txt", Inputs.CUT_BYTES);
        List<String> urls = List.of("file://" + chunk, "raw://x", "http://example.com/big");
        assertEquals(urls, Inputs.lineParts(urls, WorkerMode.REUSED_PROCESSES, 2));
    }

    @Test
    void onThreadsAFileOverTheThreadsCutIsCutIntoAPartPerSlot() throws Exception {
        long size = Inputs.THREADS_CUT_BYTES + 2;
        Path file = sparse("mid.txt", size);
        assertEquals(List.of("part://0-" + size / 2 + file, "part://" + size / 2 + "-" + size + file),
                Inputs.lineParts(List.of("file://" + file), WorkerMode.THREADS, 2));
    }

    @Test
    void onThreadsFilesThatAlreadyFillTheSlotsStayWhole() throws Exception {
        List<String> urls = List.of("file://" + sparse("a.txt", Inputs.THREADS_CUT_BYTES + 1),
                "file://" + sparse("b.txt", Inputs.THREADS_CUT_BYTES + 1));
        assertEquals(urls, Inputs.lineParts(urls, WorkerMode.THREADS, 2));
    }

    @Test
    void onThreadsAFileUnderTheThreadsCutStaysWhole() throws Exception {
        List<String> urls = List.of("file://" + sparse("small.txt", Inputs.THREADS_CUT_BYTES));
        assertEquals(urls, Inputs.lineParts(urls, WorkerMode.THREADS, 2));
    }

    @Test
    void onProcessesAFileUnderTheCutStaysWholeWhateverTheSlots() throws Exception {
        List<String> urls = List.of("file://" + sparse("mid.txt", Inputs.CUT_BYTES));
        assertEquals(urls, Inputs.lineParts(urls, WorkerMode.PROCESSES, 8));
    }

    @Test
    void theFilesOfAnUnevenLastRoundAreCutForTheSlots() throws Exception {
        long size = 3 * Inputs.TAIL_PART_BYTES;
        List<String> urls = List.of("file://" + sparse("a.txt", size), "file://" + sparse("b.txt", size),
                "file://" + sparse("c.txt", size));
        Path last = tmp.resolve("c.txt");
        assertEquals(List.of(urls.get(0), urls.get(1), "part://0-" + size / 2 + last, "part://" + size / 2 + "-" + size + last),
                Inputs.lineParts(urls, WorkerMode.REUSED_PROCESSES, 2));
    }

    @Test
    void aLastRoundFileIsCutIntoNoPartUnderTheTailPartSize() throws Exception {
        List<String> urls = List.of("file://" + sparse("a.txt", 1), "file://" + sparse("b.txt", 1),
                "file://" + sparse("c.txt", 2 * Inputs.TAIL_PART_BYTES - 1));
        assertEquals(urls, Inputs.lineParts(urls, WorkerMode.REUSED_PROCESSES, 2));
        List<String> even = List.of("file://" + sparse("d.txt", 4 * Inputs.TAIL_PART_BYTES),
                "file://" + sparse("e.txt", 4 * Inputs.TAIL_PART_BYTES));
        assertEquals(even, Inputs.lineParts(even, WorkerMode.REUSED_PROCESSES, 2), "whole rounds stay whole");
    }

    @Test
    void onThreadsTheLastRoundStaysWhole() throws Exception {
        List<String> urls = List.of("file://" + sparse("a.txt", 1), "file://" + sparse("b.txt", 1),
                "file://" + sparse("c.txt", 3 * Inputs.TAIL_PART_BYTES));
        assertEquals(urls, Inputs.lineParts(urls, WorkerMode.THREADS, 2));
    }
}
