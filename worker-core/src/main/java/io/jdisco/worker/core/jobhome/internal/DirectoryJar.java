package io.jdisco.worker.core.jobhome.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Packs a class directory (e.g. {@code target/classes}) into jar bytes, so a runtime that the
 * client loads from directories ships as jars on the node's {@code lib/*} class path. Entries
 * are sorted and time-stamped like the job home itself, so the bytes are deterministic.
 */
public final class DirectoryJar {
    private DirectoryJar() {
    }

    /** The jar bytes of every file below {@code dir}. */
    public static byte[] pack(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).sorted().collect(Collectors.toList());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipBytesWriter zip = new ZipBytesWriter(bytes);
        try {
            for (Path p : paths) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    zip.addDirectory(name + "/", 0755);
                } else if (Files.isRegularFile(p)) {
                    zip.addFile(name, Files.readAllBytes(p), 0644);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.finish();
        return bytes.toByteArray();
    }
}
