package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiredFilesTest {
    @TempDir
    Path temp;

    private static byte[] read(RequiredFiles.Entry entry) throws IOException {
        try (InputStream in = entry.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void pathsAreStoredUnderLibByBasename() throws IOException {
        Path data = Files.writeString(temp.resolve("words.txt"), "hello");

        RequiredFiles files = RequiredFiles.from(List.of(data.toString()));

        assertEquals("lib/words.txt", files.entries().get(0).name());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), read(files.entries().get(0)));
    }

    @Test
    void contentsAreStoredAtTheirName() throws IOException {
        Map<String, Object> contents = new LinkedHashMap<>();
        contents.put("conf/a.json", "{}");
        contents.put("raw.bin", new byte[] {1, 2});
        contents.put("b.bin", Bytes.of(new byte[] {3}));

        RequiredFiles files = RequiredFiles.from(contents);

        assertEquals(List.of("conf/a.json", "raw.bin", "b.bin"),
                files.entries().stream().map(RequiredFiles.Entry::name).toList());
        assertArrayEquals(new byte[] {1, 2}, read(files.entries().get(1)));
    }

    @Test
    void twoPathsWithTheSameBasenameAreRejected() throws IOException {
        Files.createDirectories(temp.resolve("x"));
        Files.createDirectories(temp.resolve("y"));
        Path one = Files.writeString(temp.resolve("x/same.txt"), "1");
        Path two = Files.writeString(temp.resolve("y/same.txt"), "2");

        assertThrows(IllegalArgumentException.class, () -> RequiredFiles.ofPaths(List.of(one, two)));
    }

    @Test
    void escapingOrReservedNamesAreRejected() {
        for (String bad : List.of("../x", "/etc/passwd", "a/../b", ".disco/x", "a//b", "dir/")) {
            assertThrows(IllegalArgumentException.class,
                    () -> RequiredFiles.ofContents(Map.of(bad, new byte[0])), bad);
        }
    }

    @Test
    void missingPathIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequiredFiles.ofPaths(List.of(temp.resolve("nope.txt"))));

        assertEquals("required file " + temp.resolve("nope.txt") + " is not a regular file",
                e.getMessage());
    }

    @Test
    void contentIsCopiedSoLaterChangesDoNotLeakIn() throws IOException {
        byte[] content = {7};
        RequiredFiles files = RequiredFiles.ofContents(Map.of("f", content));
        content[0] = 8;

        assertArrayEquals(new byte[] {7}, read(files.entries().get(0)));
    }
}
