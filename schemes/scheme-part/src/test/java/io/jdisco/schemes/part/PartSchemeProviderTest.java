package io.jdisco.schemes.part;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.InputLink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartSchemeProviderTest {
    @TempDir
    Path tmp;
    private final Schemes schemes = Schemes.of(new PartSchemeProvider());

    private String read(String url) throws IOException {
        InputLink link = schemes.open(url, BasicSchemeContext.of(schemes));
        try (InputStream in = link.stream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private Path file(String content) throws IOException {
        return Files.writeString(tmp.resolve("lines.txt"), content, StandardCharsets.ISO_8859_1);
    }

    @Test
    void serviceLoaderFindsThePartProvider() {
        Schemes loaded = Schemes.load(PartSchemeProvider.class.getClassLoader());
        assertEquals(PartSchemeProvider.class.getName(), loaded.providerClasses().get("part"));
    }

    @Test
    void aPartHoldsTheLinesStartingInItsRangeAndTheLineCrossingItsEndWhole() throws IOException {
        Path f = file("aaa\nbbb\nccc\nddd\n");
        assertEquals("aaa\nbbb\n", read("part://0-6" + f)); // "bbb" starts at 4 < 6: whole
        assertEquals("ccc\n", read("part://6-9" + f)); // starts inside "bbb": from the next line
        assertEquals("ddd\n", read("part://9-16" + f));
    }

    @Test
    void aCutRightAfterANewlineStartsThePartAtIt() throws IOException {
        Path f = file("aaa\nbbb\nccc\n");
        assertEquals("aaa\n", read("part://0-4" + f));
        assertEquals("bbb\nccc\n", read("part://4-12" + f));
    }

    @Test
    void aLastLineWithoutNewlineIsReadToTheEndOfTheFile() throws IOException {
        Path f = file("aaa\nbbb");
        assertEquals("aaa\n", read("part://0-3" + f));
        assertEquals("bbb", read("part://3-7" + f));
    }

    @Test
    void aRangeInsideOneLineIsEmptyUnlessTheLineStartsInIt() throws IOException {
        Path f = file("a-very-long-line\nz\n");
        assertEquals("", read("part://3-9" + f));
        assertEquals("", read("part://5-5" + f));
        assertEquals("", read("part://40-50" + f)); // past the end of the file
    }

    @Test
    void everySplitHoldsEachLineExactlyOnceInOrder() throws IOException {
        Random random = new Random(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            int len = random.nextInt(5) == 0 ? 0 : random.nextInt(200);
            for (int j = 0; j < len; j++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            sb.append(i == 1999 && random.nextBoolean() ? "" : "\n");
        }
        Path f = file(sb.toString());
        long size = Files.size(f);
        for (int parts : new int[] {1, 2, 3, 7, 64, 1000}) {
            StringBuilder joined = new StringBuilder();
            for (String url : PartUrl.split(f, size, parts)) {
                joined.append(read(url));
            }
            assertEquals(sb.toString(), joined.toString(), parts + " parts");
        }
    }

    @Test
    void readsBeyondItsBufferAcrossTheCut() throws IOException {
        String big = "x".repeat(200_000);
        Path f = file("a\n" + big + "\nb\n");
        assertEquals("a\n" + big + "\n", read("part://0-3" + f));
        assertEquals("b\n", read("part://3-" + Files.size(f) + f));
    }

    @Test
    void splitCutsNearlyEqualRangesCoveringTheFile() {
        Path f = Path.of("/data/big.txt");
        assertEquals(List.of("part://0-33/data/big.txt", "part://33-66/data/big.txt", "part://66-100/data/big.txt"),
                PartUrl.split(f, 100, 3));
        assertEquals(List.of("part://0-0/data/big.txt"), PartUrl.split(f, 0, 1));
    }

    @Test
    void parseReadsTheRangeAndThePathLiterally() {
        PartUrl u = PartUrl.parse("part://5-10/a b/c%20d@x:y");
        assertEquals(5, u.start());
        assertEquals(10, u.end());
        assertEquals(Path.of("/a b/c%20d@x:y"), u.file());
        assertEquals("part://5-10/a b/c%20d@x:y", u.toString());
    }

    @Test
    void malformedUrlsAreRejectedNamingThem() {
        for (String bad : new String[] {"part:///x", "part://5/x", "part://a-b/x", "part://9-3/x", "part://1-2",
                "part://1-2rel/x", "file:///x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartUrl.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void aMissingFileIsADataErrorNamingTheUrl() {
        String url = "part://0-10" + tmp.resolve("gone.txt");
        DataException e = assertThrows(DataException.class, () -> read(url));
        assertTrue(e.toString().contains(url), e.toString());
    }
}
