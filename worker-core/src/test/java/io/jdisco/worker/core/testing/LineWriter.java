package io.jdisco.worker.core.testing;

import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A test output: {@code key<TAB>value} lines in {@code <file>.partial}, renamed to {@code file} on close. */
public final class LineWriter implements RecordWriter {
    private final Path file;
    private final Path partial;
    private final Writer out;

    /** Opens {@code file}'s partial file. */
    public LineWriter(Path file) throws IOException {
        this.file = file;
        this.partial = file.resolveSibling(file.getFileName() + ".partial");
        this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
    }

    @Override
    public void add(Object key, Object value) throws IOException {
        out.write(key + "\t" + value + "\n");
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
