package io.jdisco.schemes.dir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.spi.ResolvedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirSchemeProviderTest {
    /** The index the real master wrote for map task 0 of the captured word count (labels 0, 1). */
    private static final Path VECTOR = Path.of(System.getProperty("jdisco.testdata"), "vectors",
            "worker_protocol_classic_map_shuffle_2.input_index_0.txt");
    private static final String JOB = "localhost/f5/CaptureWordCount@703:c87e9:e1991";
    private static final String INDEX = JOB + "/.disco/map-0-1795821226049999.results";
    private static final String DIR_URL = "dir://localhost/disco/" + INDEX;
    private static final String OUT = "disco://localhost/disco/" + JOB
            + "/cd/map:0-127_0_0_1-0-32-2592/map-0-127.0.0.1-";

    @TempDir
    Path dir;

    private final Schemes schemes = Schemes.load(DirSchemeProvider.class.getClassLoader());

    private Task task(Object groupLabel) {
        return Task.builder().master("http://localhost:8989").ddfsData(dir.resolve("ddfs").toString())
                .discoData(dir.resolve("data").toString()).stage("reduce").grouping("group_label")
                .group(groupLabel, "").jobfile(dir.resolve("data").resolve(JOB).resolve("jobfile").toString())
                .jobname("CaptureWordCount@703:c87e9:e1991").host("localhost").build();
    }

    private BasicSchemeContext context(Task task) {
        return BasicSchemeContext.builder(schemes).systemProperties(false).environment(Map.of())
                .setting("jdisco.http.backoffBaseMillis", "1").setting("jdisco.http.maxRetries", "1")
                .task(task).build();
    }

    private Path installIndex(String relative, byte[] content) throws IOException {
        Path p = dir.resolve("data").resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    @Test
    void serviceLoaderFindsTheDirProviderAsIndirect() {
        assertEquals(DirSchemeProvider.class.getName(), schemes.providerClasses().get("dir"));
        assertTrue(schemes.isIndirect(DIR_URL));
    }

    @Test
    void schemesFromSeparateJarsLoadTogetherWithoutConflict() {
        assertEquals(java.util.Set.of("dir", "disco", "file", "http", "https", "raw"), schemes.schemes());
    }

    @Test
    void listedDiscoOutputsOpenThroughTheRegistry() throws IOException {
        installIndex("localhost/j/.disco/map-0.results",
                "0 disco://localhost/disco/localhost/j/out-0 5\n1 raw://inline 6\n".getBytes(StandardCharsets.UTF_8));
        installIndex("localhost/j/out-0", "zero!".getBytes(StandardCharsets.UTF_8));
        BasicSchemeContext ctx = context(task("all"));
        List<String> contents = new java.util.ArrayList<>();
        for (ResolvedInput in : schemes.expand("dir://localhost/disco/localhost/j/.disco/map-0.results", ctx)) {
            try (InputStream s = schemes.open(in.replicas().get(0), ctx).stream()) {
                contents.add(new String(s.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("zero!", "inline"), contents);
    }

    @Test
    void taskGroupLabelSelectsItsEntriesOfTheMastersIndex() throws IOException {
        installIndex(INDEX, Files.readAllBytes(VECTOR));
        assertEquals(List.of(new ResolvedInput(1, 81, List.of(OUT + "1"))), schemes.expand(DIR_URL, context(task(1))));
    }

    @Test
    void groupLabelAllListsEveryEntrySorted() throws IOException {
        installIndex(INDEX, Files.readAllBytes(VECTOR));
        assertEquals(List.of(new ResolvedInput(0, 60, List.of(OUT + "0")), new ResolvedInput(1, 81, List.of(OUT + "1"))),
                schemes.expand(DIR_URL, context(task("all"))));
    }

    @Test
    void fragmentLabelWinsOverTheTaskGroupLabel() throws IOException {
        installIndex(INDEX, Files.readAllBytes(VECTOR));
        assertEquals(List.of(new ResolvedInput(0, 60, List.of(OUT + "0"))),
                schemes.expand(DIR_URL + "#0", context(task(1))));
    }

    @Test
    void allFragmentListsEveryLabelInsideATaskWithANumericGroupLabel() throws IOException {
        installIndex(INDEX, Files.readAllBytes(VECTOR));
        assertEquals(List.of(new ResolvedInput(0, 60, List.of(OUT + "0")), new ResolvedInput(1, 81, List.of(OUT + "1"))),
                schemes.expand(DIR_URL + "#all", context(task(1))));
    }

    @Test
    void openYieldsTheIndexBytes() throws IOException {
        installIndex(INDEX, Files.readAllBytes(VECTOR));
        try (InputStream in = schemes.open(DIR_URL, context(task(0))).stream()) {
            assertArrayEquals(Files.readAllBytes(VECTOR), in.readAllBytes());
        }
    }

    @Test
    void gzippedIndexIsDecompressed() throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("3 raw://c 1\n3 raw://a 1\n2 raw://b 5\n".getBytes(StandardCharsets.UTF_8));
        }
        installIndex("h/x.results.gz", gz.toByteArray());
        assertEquals(List.of(new ResolvedInput(2, 5, List.of("raw://b")), new ResolvedInput(3, 1, List.of("raw://a")),
                new ResolvedInput(3, 1, List.of("raw://c"))),
                schemes.expand("dir://localhost/disco/h/x.results.gz", context(task("all"))));
    }

    @Test
    void indexWithAPortIsReadOverHttp() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] b = "0 raw://x 1\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            String url = "dir://127.0.0.1:" + server.getAddress().getPort() + "/disco/i.results";
            assertEquals(List.of(new ResolvedInput(0, 1, List.of("raw://x"))), schemes.expand(url, context(null)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void malformedLineIsADataExceptionNamingTheUrlAndTheLine() throws IOException {
        installIndex("h/bad.results", "0 raw://a 1\n1 raw://b\n".getBytes(StandardCharsets.UTF_8));
        String url = "dir://localhost/disco/h/bad.results";
        DataException e = assertThrows(DataException.class, () -> schemes.expand(url, context(task("all"))));
        assertEquals(url, e.url());
        assertTrue(e.getMessage().contains("line 2 \"1 raw://b\""), e.getMessage());
    }

    @Test
    void nonNumericSizeIsADataException() throws IOException {
        installIndex("h/bad.results", "0 raw://a big\n".getBytes(StandardCharsets.UTF_8));
        DataException e = assertThrows(DataException.class,
                () -> schemes.expand("dir://localhost/disco/h/bad.results", context(task("all"))));
        assertTrue(e.getMessage().contains("whole numbers"), e.getMessage());
    }

    @Test
    void missingIndexIsADataExceptionNamingTheDirUrl() {
        String url = "dir://127.0.0.1:1/disco/none.results";
        DataException e = assertThrows(DataException.class, () -> schemes.expand(url, context(null)));
        assertEquals(url, e.url());
    }

    @Test
    void malformedUrlsAreIllegalArguments() {
        for (String url : List.of("dir://host", "dir://host/x#label", "dir://host/x#-1", "dir://host:http/x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> schemes.expand(url, context(null)), url);
            assertTrue(e.getMessage().contains(url), e.getMessage());
        }
    }
}
