package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobHomeWriterTest {
    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> readWithJdk(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void sameEntriesInAnyOrderGiveIdenticalBytes() throws IOException {
        byte[] a = new JobHomeWriter().addBytes("lib/a.txt", utf8("alpha"))
                .addBytes("z.txt", utf8("zulu")).addLauncher("bin/worker", WorkerLauncher.standard())
                .toByteArray();
        byte[] b = new JobHomeWriter().addLauncher("bin/worker", WorkerLauncher.standard())
                .addBytes("z.txt", utf8("zulu")).addBytes("lib/a.txt", utf8("alpha"))
                .toByteArray();
        assertArrayEquals(a, b);
    }

    @Test
    void bytesDoNotDependOnTheTimeZone() throws IOException {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            byte[] a = new JobHomeWriter().addBytes("x", utf8("x")).toByteArray();
            TimeZone.setDefault(TimeZone.getTimeZone("America/Adak"));
            byte[] b = new JobHomeWriter().addBytes("x", utf8("x")).toByteArray();
            assertArrayEquals(a, b);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void jdkZipReadsEveryEntryWithItsBytesInNameOrder() throws IOException {
        byte[] big = utf8("repeat ".repeat(1000));
        byte[] zip = new JobHomeWriter().addBytes("lib/big.txt", big)
                .addBytes("a.txt", utf8("a")).addBytes("lib/empty", new byte[0]).toByteArray();
        Map<String, byte[]> read = readWithJdk(zip);
        assertEquals(List.of("a.txt", "lib/", "lib/big.txt", "lib/empty"),
                new ArrayList<>(read.keySet()));
        assertArrayEquals(big, read.get("lib/big.txt"));
        assertArrayEquals(utf8("a"), read.get("a.txt"));
        assertEquals(0, read.get("lib/empty").length);
    }

    @Test
    void parentDirectoriesBecomeEntriesEndingInSlash() {
        JobHomeWriter w = new JobHomeWriter().addBytes("a/b/c.txt", utf8("c"));
        assertEquals(List.of("a/", "a/b/", "a/b/c.txt"), w.entryNames());
    }

    @Test
    void headersHaveFixedTimeNoExtrasNoDataDescriptorAndOnlyStoredOrDeflated()
            throws IOException {
        byte[] zip = new JobHomeWriter().addBytes("small", utf8("s"))
                .addBytes("big", utf8("b".repeat(500))).toByteArray();
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        List<Integer> methods = new ArrayList<>();
        while (buf.getInt(pos) == 0x04034b50) {
            assertEquals(0, buf.getShort(pos + 6) & 0x08, "data descriptor flag at " + pos);
            methods.add((int) buf.getShort(pos + 8));
            assertEquals(0, buf.getShort(pos + 10), "DOS time at " + pos);
            assertEquals(0x21, buf.getShort(pos + 12), "DOS date 1980-01-01 at " + pos);
            assertEquals(0, buf.getShort(pos + 28), "extra length at " + pos);
            pos += 30 + buf.getShort(pos + 26) + buf.getInt(pos + 18);
        }
        assertEquals(List.of(8, 0), methods, "'big' deflated, 's' stored");
        assertEquals(0x02014b50, buf.getInt(pos));
        assertEquals(0x06054b50, buf.getInt(zip.length - 22));
    }

    @Test
    void aFileStartingLikeAZipIsStoredEvenIfItWouldDeflate() throws IOException {
        byte[] jar = new byte[5000];
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, jar, 0, 4);
        byte[] zip = new JobHomeWriter().addBytes("lib/inner.jar", jar).toByteArray();
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 30 + buf.getShort(26) + buf.getInt(18);
        assertEquals(0x04034b50, buf.getInt(pos), "the second entry follows the lib/ directory");
        assertEquals(0, buf.getShort(pos + 8), "method of lib/inner.jar");
        assertEquals(jar.length, buf.getInt(pos + 18), "stored size of lib/inner.jar");
        assertArrayEquals(jar, readWithJdk(zip).get("lib/inner.jar"));
    }

    @Test
    void archiveHasNoZip64Records() throws IOException {
        byte[] zip = new JobHomeWriter().addBytes("f", utf8("f")).toByteArray();
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            int sig = buf.getInt(i);
            assertFalse(sig == 0x06064b50 || sig == 0x07064b50, "ZIP64 record at " + i);
        }
    }

    @Test
    void launcherIsStoredWithMode0755AndOtherFilesWith0644() throws IOException {
        byte[] zip = new JobHomeWriter().addLauncher("bin/worker", WorkerLauncher.standard())
                .addBytes("lib/data", utf8("d")).toByteArray();
        try (ZipFile z = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            ZipArchiveEntry launcher = z.getEntry("bin/worker");
            assertEquals(0100755, launcher.getUnixMode());
            assertEquals(0100644, z.getEntry("lib/data").getUnixMode());
            assertTrue(z.getEntry("bin/").isDirectory());
            String script = new String(z.getInputStream(launcher).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(WorkerLauncher.standard().script(), script);
        }
    }

    @Test
    void nameAddedTwiceIsRefusedNamingBothSources() {
        JobHomeWriter w = new JobHomeWriter().addBytes("lib/x.jar", utf8("1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.addFile("lib/x.jar", writeFile("x.jar", "2")));
        assertTrue(e.getMessage().contains("'lib/x.jar' is added twice"), e.getMessage());
        assertTrue(e.getMessage().contains("x.jar"), e.getMessage());
    }

    @Test
    void fileUnderAnExistingFileIsRefused() {
        JobHomeWriter w = new JobHomeWriter().addBytes("lib", utf8("file"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.addBytes("lib/a.jar", utf8("jar")));
        assertTrue(e.getMessage().contains("'lib/'"), e.getMessage());
    }

    @Test
    void fileWhereADirectoryExistsIsRefused() {
        JobHomeWriter w = new JobHomeWriter().addBytes("lib/a.jar", utf8("jar"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.addBytes("lib", utf8("file")));
        assertTrue(e.getMessage().contains("already a directory"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../evil", "lib/../../evil", "lib\\evil.jar", "a//b",
        "./a", "", "jobfile", ".jobhome", ".disco/x", "bad\nname"})
    void unsafeOrReservedNameIsRefusedNamingIt(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JobHomeWriter().addBytes(name, utf8("x")));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @Test
    void launcherPathWithSpaceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JobHomeWriter().addLauncher("bin/my worker", WorkerLauncher.standard()));
        assertTrue(e.getMessage().contains("'bin/my worker'"), e.getMessage());
    }

    @Test
    void directoryTreeIsAddedUnderPrefixWithItsSubdirectories() throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("classes/com/example"));
        Files.write(classes.resolve("Main.class"), utf8("cafebabe"));
        Files.createDirectories(tmp.resolve("classes/empty"));
        JobHomeWriter w = new JobHomeWriter().addDirectory("classes", tmp.resolve("classes"));
        assertEquals(List.of("classes/", "classes/com/", "classes/com/example/",
                "classes/com/example/Main.class", "classes/empty/"), w.entryNames());
        assertArrayEquals(utf8("cafebabe"),
                readWithJdk(w.toByteArray()).get("classes/com/example/Main.class"));
    }

    @Test
    void symbolicLinkToADirectoryIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Path target = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("link"), target);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JobHomeWriter().addDirectory("", dir));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void fileDeletedBeforeWritingIsReportedWithItsPathAndEntry() throws IOException {
        Path file = writeFile("gone.jar", "x");
        JobHomeWriter w = new JobHomeWriter().addFile("lib/gone.jar", file);
        Files.delete(file);
        IOException e = assertThrows(IOException.class, w::toByteArray);
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'lib/gone.jar'"), e.getMessage());
    }

    private Path writeFile(String name, String content) {
        try {
            return Files.write(tmp.resolve(name), utf8(content));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
