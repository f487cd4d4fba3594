package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DiscoOutputOptions#withStoredHunks()}: uncompressed records that stay concatenable. */
class StoredHunksTest {
    /** The end hunk of a level-2 file: marker, compressed, crc 0, length 8, zlib of nothing. */
    private static final int END_HUNK_BYTES = 22;
    /** The end hunk of a level-0 file: a zero-length stored hunk. */
    private static final int ZERO_END_BYTES = 14;

    @TempDir
    Path dir;

    private final TestContext ctx = new TestContext();

    @Test
    void storedHunksAreTheLevel0FileEndedByTheLevel2EndHunk() throws IOException {
        byte[] ours = write(DiscoOutputOptions.defaults().withStoredHunks().withMinHunkSize(100));
        byte[] level0 = Vectors.bytes("internal_py2_multihunk_uncompressed.bin");
        byte[] level2 = Vectors.bytes("internal_py2_multihunk.bin");
        byte[] expected = concat(Arrays.copyOf(level0, level0.length - ZERO_END_BYTES),
                Arrays.copyOfRange(level2, level2.length - END_HUNK_BYTES, level2.length));
        assertArrayEquals(expected, ours);
    }

    @Test
    void concatenatedStoredFilesReadAsAllTheirRecords() throws IOException {
        byte[] one = write(DiscoOutputOptions.defaults().withStoredHunks());
        Path both = InternalFormatVectorsTest.writeFile(dir, "both", concat(one, one));
        List<Object> expected = new ArrayList<>(Vectors.records("internal_py2.json"));
        expected.addAll(Vectors.records("internal_py2.json"));
        assertEquals(expected, InternalFormatVectorsTest.readAll(both.toString(), ctx));
    }

    @Test
    void concatenatedLevel0FilesEndAtTheFirstFilesZeroLengthHunkAsInPython() throws IOException {
        byte[] one = write(DiscoOutputOptions.defaults().withCompressionLevel(0));
        Path both = InternalFormatVectorsTest.writeFile(dir, "both", concat(one, one));
        assertEquals(Vectors.records("internal_py2.json"), InternalFormatVectorsTest.readAll(both.toString(), ctx));
    }

    @Test
    void aCompressionLevelAfterStoredHunksCompressesAgain() {
        DiscoOutputOptions stored = DiscoOutputOptions.defaults().withStoredHunks();
        assertTrue(stored.storedHunks());
        assertEquals(0, stored.compressionLevel());
        assertFalse(stored.withCompressionLevel(2).storedHunks());
        assertTrue(stored.withMinHunkSize(100).storedHunks(), "other settings keep stored hunks");
        assertFalse(stored.equals(DiscoOutputOptions.defaults().withCompressionLevel(0)));
    }

    private byte[] write(DiscoOutputOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter w = TaskIo.discoOutputStream(options).open(new OutputLink(out, "mem"), ctx)) {
            for (Tuple t : Vectors.records("internal_py2.json")) {
                w.add(t.key(), t.value());
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
