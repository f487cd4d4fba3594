package io.jdisco.worker.classic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The output of a shuffle stage (SPEC §5.8): the byte concatenation of whole internal-format files,
 * which is itself a valid internal-format stream because every file ends with a non-empty
 * terminator hunk. Written through the atomic first stage of the output chain, so it becomes
 * visible only once closed. It takes bytes, not records.
 */
public final class ConcatWriter implements io.jdisco.worker.io.RecordWriter {
    private final OutputStream out;
    private final String path;

    /** Appends to {@code out} (an atomic file at {@code path}). */
    public ConcatWriter(OutputStream out, String path) {
        this.out = Objects.requireNonNull(out, "out");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Copies all of {@code in} to the output and closes {@code in}. */
    public long append(InputStream in) throws IOException {
        try (InputStream src = in) {
            return src.transferTo(out);
        }
    }

    /**
     * Refused: a shuffle output holds copied files.
     *
     * @throws IllegalStateException always, naming the output
     */
    @Override
    public void add(Object key, Object value) {
        throw new IllegalStateException("shuffle output " + path + " takes whole files (append), not records");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
