package io.jdisco.worker.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IndexLinesTest {
    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void entriesComeSortedByLabelThenUrl() throws Exception {
        List<IndexLines.Entry> e = IndexLines.read(in("1 disco://h/b 5\n0 disco://h/z 3\n1 disco://h/a 7\n"), "dir://h/x");
        assertEquals(List.of(new IndexLines.Entry(0, "disco://h/z", 3), new IndexLines.Entry(1, "disco://h/a", 7),
                new IndexLines.Entry(1, "disco://h/b", 5)), e);
    }

    @Test
    void realPythonIndexParses() throws Exception {
        Path p = Path.of(System.getProperty("jdisco.testdata"), "vectors",
                "worker_protocol_classic_reduce_3.input_index_0.txt");
        List<IndexLines.Entry> e = IndexLines.read(Files.newInputStream(p), "dir://localhost/x");
        assertEquals(2, e.size());
        assertEquals(130, e.get(0).size());
        assertTrue(e.get(1).url().endsWith("map_shuffle-0-localhost-1"));
    }

    @Test
    void gzippedIndexIsInflated() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write("2 disco://h/f 9\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(new IndexLines.Entry(2, "disco://h/f", 9)),
                IndexLines.read(new ByteArrayInputStream(b.toByteArray()), "dir://h/i.results.gz"));
    }

    @Test
    void malformedLineIsADataErrorNamingTheLine() {
        DataException e = assertThrows(DataException.class, () -> IndexLines.read(in("0 url 1\nx y\n"), "dir://h/i"));
        assertTrue(e.getMessage().contains("index line 2"), e.getMessage());
        assertEquals("dir://h/i", e.url());
    }
}
