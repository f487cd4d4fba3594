package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobHomeExtractorTest {
    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip with the given entries, written by the JDK, which accepts any name. */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buf)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(utf8(namesAndContents[i + 1]));
                out.closeEntry();
            }
        }
        return buf.toByteArray();
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

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString())
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void realDiscoJobHomeUnpacksToItsMembersAndBytes() throws IOException {
        byte[] zip = Files.readAllBytes(Path.of(System.getProperty("jdisco.testdata"),
                "vectors", "jobhome_fixed.zip"));
        Path home = tmp.resolve("home");
        List<String> names = new JobHomeExtractor("worker.sh").extract(zip, home);
        Map<String, byte[]> expected = readWithJdk(zip);
        assertEquals(List.of("worker.sh", "lib/data.txt"), names);
        assertEquals(new ArrayList<>(expected.keySet()), names);
        for (String name : names) {
            assertArrayEquals(expected.get(name), Files.readAllBytes(home.resolve(name)), name);
        }
        assertEquals(List.of(".jobhome", "lib", "lib/data.txt", "worker.sh"), tree(home));
    }

    @Test
    void workerBecomesExecutableAndEmptyMarkerIsWritten() throws IOException {
        Path home = tmp.resolve("home");
        new JobHomeExtractor("bin/worker").extract(
                zip("bin/worker", "#!/bin/sh\n", "lib/a", "a"), home);
        assertEquals("rwxr-xr-x",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("bin/worker"))));
        assertEquals(0, Files.size(home.resolve(".jobhome")));
        assertTrue(JobHomeExtractor.isExtracted(home));
    }

    @Test
    void writerOutputRoundTripsWithDirectoriesAndLauncher() throws IOException {
        JobHomeWriter writer = new JobHomeWriter()
                .addLauncher(WorkerLauncher.DEFAULT_PATH, WorkerLauncher.standard())
                .addBytes("lib/x.jar", utf8("jar")).addBytes("classes/a/B.class", utf8("B"));
        Path home = tmp.resolve("home");
        List<String> names = new JobHomeExtractor(WorkerLauncher.DEFAULT_PATH)
                .extract(writer.toByteArray(), home);
        assertEquals(writer.entryNames(), names);
        assertEquals(WorkerLauncher.standard().script(),
                Files.readString(home.resolve("bin/worker")));
        assertTrue(Files.isExecutable(home.resolve("bin/worker")));
        assertArrayEquals(utf8("B"), Files.readAllBytes(home.resolve("classes/a/B.class")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/tmp/evil", "lib/../../evil", "..\\evil",
        "lib\\..\\..\\evil", "a//b", ".disco/x", "jobfile", ".jobhome"})
    void unsafeEntryIsRefusedNamingItAndNothingIsWritten(String name) throws IOException {
        Path home = tmp.resolve("jobs/home");
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w").extract(zip("w", "w", name, "evil"), home));
        assertEquals(name, e.entry());
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertFalse(Files.exists(home));
        assertEquals(List.of(), tree(tmp));
    }

    @Test
    void symbolicLinkEntryIsRefused() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(buf)) {
            ZipArchiveEntry w = new ZipArchiveEntry("w");
            out.putArchiveEntry(w);
            out.write(utf8("w"));
            out.closeArchiveEntry();
            ZipArchiveEntry link = new ZipArchiveEntry("lib");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write(utf8("/etc"));
            out.closeArchiveEntry();
        }
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w").extract(buf.toByteArray(), tmp.resolve("home")));
        assertEquals("lib", e.entry());
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void existingSymbolicLinkLeadingOutsideIsNotFollowed() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createSymbolicLink(home.resolve("lib"), outside);
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w").extract(zip("w", "w", "lib/sub/x", "evil"), home));
        assertEquals("lib/sub/x", e.entry());
        assertEquals(List.of(), tree(outside));
        assertFalse(JobHomeExtractor.isExtracted(home));
    }

    @Test
    void existingSymbolicLinkAtAFileNameIsNotFollowed() throws IOException {
        Path outside = Files.write(tmp.resolve("victim"), utf8("keep"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createSymbolicLink(home.resolve("x"), outside);
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w").extract(zip("w", "w", "x", "evil"), home));
        assertEquals("x", e.entry());
        assertEquals("keep", Files.readString(outside));
    }

    @Test
    void aNameHeldTwiceIsUnpackedFromItsLastEntry() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(buf)) {
            for (String[] entry : List.of(new String[] {"w", "one"}, new String[] {"lib/m.py", "first"},
                    new String[] {"w", "two"}, new String[] {"lib/m.py", "second"})) {
                out.putArchiveEntry(new ZipArchiveEntry(entry[0]));
                out.write(utf8(entry[1]));
                out.closeArchiveEntry();
            }
        }
        Path home = tmp.resolve("home");
        List<String> names = new JobHomeExtractor("w").extract(buf.toByteArray(), home);
        assertEquals(List.of("w", "lib/m.py"), names);
        assertEquals("two", Files.readString(home.resolve("w")));
        assertEquals("second", Files.readString(home.resolve("lib/m.py")));
        assertTrue(JobHomeExtractor.isExtracted(home));
    }

    @Test
    void aNameThatIsBothAFileAndADirectoryIsRefused() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(buf)) {
            out.putArchiveEntry(new ZipArchiveEntry("w"));
            out.write(utf8("w"));
            out.closeArchiveEntry();
            out.putArchiveEntry(new ZipArchiveEntry("lib"));
            out.write(utf8("a file"));
            out.closeArchiveEntry();
            out.putArchiveEntry(new ZipArchiveEntry("lib/"));
            out.closeArchiveEntry();
        }
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w").extract(buf.toByteArray(), tmp.resolve("home")));
        assertEquals("lib/", e.entry());
        assertTrue(e.getMessage().contains("both as a file and as a directory"), e.getMessage());
    }

    @Test
    void fileUnderAFileEntryIsRefused() throws IOException {
        JobHomeException e = assertThrows(JobHomeException.class, () -> new JobHomeExtractor("w")
                .extract(zip("w", "w", "lib", "file", "lib/x", "x"), tmp.resolve("home")));
        assertEquals("lib/x", e.entry());
    }

    @Test
    void missingWorkerIsRefusedNamingIt() throws IOException {
        JobHomeException e = assertThrows(JobHomeException.class, () -> new JobHomeExtractor(
                "bin/worker").extract(zip("lib/a", "a"), tmp.resolve("home")));
        assertEquals("bin/worker", e.entry());
    }

    @Test
    void unsupportedCompressionMethodIsRefused() throws IOException {
        byte[] zip = new JobHomeWriter().addBytes("w", utf8("w")).toByteArray();
        patchMethods(zip, 12);
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w").extract(zip, tmp.resolve("home")));
        assertTrue(e.getMessage().contains("compression method 12"), e.getMessage());
    }

    @Test
    void corruptEntryDataFailsItsCrcAndLeavesNoMarker() throws IOException {
        byte[] zip = new JobHomeWriter().addBytes("w", utf8("w")).toByteArray();
        zip[30 + 1] ^= 0x01; // the one stored data byte after the 30-byte header and name "w"
        Path home = tmp.resolve("home");
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w").extract(zip, home));
        assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
        assertFalse(JobHomeExtractor.isExtracted(home));
    }

    @Test
    void bytesThatAreNotAZipFailWithIoException() {
        assertThrows(IOException.class,
                () -> new JobHomeExtractor("w").extract(utf8("not a zip"), tmp.resolve("home")));
    }

    @Test
    void unsafeWorkerPathIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JobHomeExtractor("../w"));
    }

    /** Rewrites the method field of every local and central header. */
    private static void patchMethods(byte[] zip, int method) {
        for (int i = 0; i + 4 <= zip.length; i++) {
            int sig = (zip[i] & 0xFF) | (zip[i + 1] & 0xFF) << 8 | (zip[i + 2] & 0xFF) << 16
                    | (zip[i + 3] & 0xFF) << 24;
            int at = sig == 0x04034b50 ? i + 8 : sig == 0x02014b50 ? i + 10 : -1;
            if (at > 0) {
                zip[at] = (byte) method;
                zip[at + 1] = 0;
            }
        }
    }
}
