package io.jdisco.worker.classic.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.spi.ResolvedInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index entries read through the real {@code dir} scheme (scheme-dir is a test dependency). */
class DirIndexTest {
    @TempDir
    Path home;

    /** A reduce task of group label 1 on localhost, whose DISCO_DATA is {@code home/data}. */
    private BasicSchemeContext context() {
        Task task = Task.builder().master("http://localhost:8989").ddfsData(home.resolve("ddfs").toString())
                .discoData(home.resolve("data").toString()).stage("reduce").grouping("group_label").group(1, "")
                .jobfile(home.resolve("data/localhost/j/jobfile").toString()).jobname("J@1:2:3").host("localhost")
                .build();
        return BasicSchemeContext.builder(Schemes.load(DirIndexTest.class.getClassLoader())).systemProperties(false)
                .environment(Map.of()).task(task).build();
    }

    /** Installs {@code content} as a local index and returns its {@code dir://} URL. */
    private String index(String name, byte[] content) throws IOException {
        Path p = home.resolve("data/localhost/j/.disco").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return "dir://localhost/disco/localhost/j/.disco/" + name;
    }

    private String index(String name, String content) throws IOException {
        return index(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static ResolvedInput entry(int label, String url, long size) {
        return new ResolvedInput(label, size, List.of(url));
    }

    @Test
    void entriesComeSortedByLabelThenUrl() throws Exception {
        String url = index("x.results", "1 disco://h/b 5\n0 disco://h/z 3\n1 disco://h/a 7\n");
        assertEquals(List.of(entry(0, "disco://h/z", 3), entry(1, "disco://h/a", 7), entry(1, "disco://h/b", 5)),
                DirIndex.entries(url, null, context()));
    }

    @Test
    void noLabelReadsEveryLabelEvenInATaskWithANumericGroupLabel() throws Exception {
        String url = index("x.results", "0 disco://h/z 3\n1 disco://h/a 7\n");
        assertEquals(2, DirIndex.entries(url, null, context()).size(), "the task's group label 1 must not filter");
    }

    @Test
    void aLabelKeepsOnlyItsEntries() throws Exception {
        String url = index("x.results", "0 disco://h/z 3\n1 disco://h/a 7\n2 disco://h/c 1\n");
        assertEquals(List.of(entry(2, "disco://h/c", 1)), DirIndex.entries(url, 2, context()));
    }

    @Test
    void theCallersLabelReplacesAFragmentOfTheUrl() throws Exception {
        String url = index("x.results", "0 disco://h/z 3\n1 disco://h/a 7\n");
        assertEquals(List.of(entry(0, "disco://h/z", 3)), DirIndex.entries(url + "#1", 0, context()));
    }

    @Test
    void realPythonIndexParses() throws Exception {
        Path p = Path.of(System.getProperty("jdisco.testdata"), "vectors",
                "worker_protocol_classic_reduce_3.input_index_0.txt");
        List<ResolvedInput> e = DirIndex.entries(index("py.results", Files.readAllBytes(p)), null, context());
        assertEquals(2, e.size());
        assertEquals(130, e.get(0).size());
        assertTrue(e.get(1).replicas().get(0).endsWith("map_shuffle-0-localhost-1"));
    }

    @Test
    void gzippedIndexIsInflated() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write("2 disco://h/f 9\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(entry(2, "disco://h/f", 9)),
                DirIndex.entries(index("i.results.gz", b.toByteArray()), null, context()));
    }

    @Test
    void malformedLineIsADataErrorNamingTheLineAndTheUrlAsGiven() throws Exception {
        String url = index("i.results", "0 url 1\nx y\n");
        DataException e = assertThrows(DataException.class, () -> DirIndex.entries(url, null, context()));
        assertTrue(e.getMessage().contains("index line 2"), e.getMessage());
        assertEquals(url, e.url());
    }
}
