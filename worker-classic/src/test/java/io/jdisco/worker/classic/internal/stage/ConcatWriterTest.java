package io.jdisco.worker.classic.internal.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.taskio.internal.file.AtomicFileOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcatWriterTest {
    @TempDir
    Path tmp;

    private ConcatWriter writer(Path file) {
        return new ConcatWriter(() -> AtomicFileOutputStream.open(file, 0), file, "map_shuffle-2-0");
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void appendedInputsAreConcatenatedAndVisibleOnlyOnceClosed() throws IOException {
        Path file = tmp.resolve("out");
        ConcatWriter w = writer(file);
        assertEquals(3, w.append(bytes("abc")));
        w.append(new ByteArrayInputStream(new byte[600_000]));
        assertFalse(Files.exists(file));
        w.close();
        byte[] got = Files.readAllBytes(file);
        assertEquals(600_003, got.length);
        assertEquals("abc", new String(got, 0, 3, StandardCharsets.UTF_8));
    }

    @Test
    void nothingAppendedPublishesAnEmptyOutput() throws IOException {
        Path file = tmp.resolve("out");
        writer(file).close();
        assertEquals(0, Files.size(file));
    }

    @Test
    void aLinkedOutputIsTheSourceFileOnceClosed() throws IOException {
        Path source = Files.writeString(tmp.resolve("map-0"), "hunks");
        Path file = tmp.resolve("shuffle").resolve("out");
        ConcatWriter w = writer(file);
        assertTrue(w.link(source));
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(file.resolveSibling("out.partial")));
        w.close();
        assertTrue(Files.isSameFile(source, file));
        assertFalse(Files.exists(file.resolveSibling("out.partial")));
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(file));
    }

    @Test
    void nothingCanBeAppendedAfterALink() throws IOException {
        Path source = Files.writeString(tmp.resolve("map-0"), "hunks");
        ConcatWriter w = writer(tmp.resolve("out"));
        w.link(source);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.append(bytes("x")));
        assertTrue(e.getMessage().contains("map_shuffle-2-0"), e.getMessage());
    }

    @Test
    void noLinkAfterAnAppend() throws IOException {
        Path source = Files.writeString(tmp.resolve("map-0"), "hunks");
        Path file = tmp.resolve("out");
        ConcatWriter w = writer(file);
        w.append(bytes("first"));
        assertFalse(w.link(source));
        w.close();
        assertEquals("first", Files.readString(file));
        assertFalse(Files.isSameFile(source, file));
    }

    @Test
    void onlyAFileInTheJobHomeIsLinked() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("job"));
        Path mapOutput = Files.writeString(Files.createDirectories(home.resolve("0")).resolve("map-0"), "x");
        Path userFile = Files.writeString(tmp.resolve("input.txt"), "x");
        assertEquals(mapOutput, ShuffleTask.jobFile("file://" + mapOutput, home));
        assertEquals(null, ShuffleTask.jobFile("file://" + userFile, home));
        assertEquals(null, ShuffleTask.jobFile("http://localhost/" + mapOutput, home));
        assertEquals(null, ShuffleTask.jobFile("file://" + home.resolve("gone"), home));
    }
}
