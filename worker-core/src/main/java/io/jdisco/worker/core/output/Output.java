package io.jdisco.worker.core.output;

import io.jdisco.worker.Task;
import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One output of a task (Python's {@code Output}): where it goes (a path relative to the job home),
 * its type ({@code disco} or {@code part}), its label and the open writer.
 */
public final class Output {
    private final Task.OutputSpec spec;
    private final Path file;
    private final RecordWriter writer;
    private boolean closed;

    /** An output at {@code spec}, stored at the absolute {@code file}, written through {@code writer}. */
    public Output(Task.OutputSpec spec, Path file, RecordWriter writer) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.file = Objects.requireNonNull(file, "file");
        this.writer = Objects.requireNonNull(writer, "writer");
        OutputLocations.checkLocal(spec.path());
    }

    /** The path relative to the job home: what {@code OUTPUT} announces. */
    public String path() {
        return spec.path();
    }

    /** {@code disco} (the unlabelled output) or {@code part} (a labelled one). */
    public String type() {
        return spec.type();
    }

    /** The label announced in {@code OUTPUT}. */
    public int label() {
        return spec.label();
    }

    /** The absolute local file. */
    public Path file() {
        return file;
    }

    /** The writer records go to. */
    public RecordWriter writer() {
        return writer;
    }

    /** Writes one record: shorthand for {@code writer().add(key, value)}. */
    public void add(Object key, Object value) throws IOException {
        writer.add(key, value);
    }

    /** Closes the writer (making the file complete and visible); idempotent. */
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }

    /**
     * The size of the finished file in bytes.
     *
     * @throws IOException when the file is missing (e.g. the writer did not create it on close)
     */
    public long size() throws IOException {
        return Files.size(file);
    }

    @Override
    public String toString() {
        return "Output" + spec;
    }
}
