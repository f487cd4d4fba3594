package io.jdisco.schemes.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.InputLink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSchemeProviderTest {
    @TempDir
    Path dir;

    private final Schemes schemes = Schemes.of(new FileSchemeProvider());

    @Test
    void serviceLoaderFindsTheFileProvider() {
        Schemes loaded = Schemes.load(FileSchemeProvider.class.getClassLoader());
        assertEquals(FileSchemeProvider.class.getName(), loaded.providerClasses().get("file"));
    }

    @Test
    void fileUrlIsReadWithItsSize() throws IOException {
        Path f = Files.writeString(dir.resolve("a b@c:d$1"), "hello");
        String url = "file://" + f;
        InputLink link = schemes.open(url, BasicSchemeContext.of(schemes));
        assertEquals(5, link.size());
        assertEquals(url, link.url());
        assertEquals("hello", read(link));
    }

    @Test
    void barePathIsALocalFile() throws IOException {
        Path f = Files.writeString(dir.resolve("x"), "bare");
        assertEquals("bare", read(schemes.open(f.toString(), BasicSchemeContext.of(schemes))));
    }

    @Test
    void relativePathIsResolvedAgainstTheJobHomeInATask() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/part"), "rel");
        Task task = Task.builder().master("http://m:8989").ddfsData("/d").discoData("/x").stage("map")
                .grouping("split").group(0, "h").jobfile(dir.resolve("jobfile").toString()).jobname("J@1")
                .host("h").build();
        BasicSchemeContext ctx = BasicSchemeContext.of(schemes).withTask(task);
        assertEquals("rel", read(schemes.open("sub/part", ctx)));
        assertEquals("rel", read(schemes.open("file://sub/part", ctx)));
    }

    @Test
    void missingFileIsADataExceptionNamingUrlAndPath() {
        String url = "file://" + dir.resolve("missing");
        DataException e = assertThrows(DataException.class,
                () -> schemes.open(url, BasicSchemeContext.of(schemes)));
        assertEquals(url, e.url());
        assertTrue(e.getMessage().contains("no such file: " + dir.resolve("missing")), e.getMessage());
    }

    @Test
    void directoryIsADataException() {
        DataException e = assertThrows(DataException.class,
                () -> schemes.open(dir.toString(), BasicSchemeContext.of(schemes)));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void urlWithoutPathIsAnIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> schemes.open("file://", BasicSchemeContext.of(schemes)));
        assertTrue(e.getMessage().contains("file://"), e.getMessage());
    }

    private static String read(InputLink link) throws IOException {
        try (InputStream in = link.stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
