package io.jdisco.worker.core.output;

import io.jdisco.worker.Task;
import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the writer of one output: the seam where the output stream chain (atomic file, internal
 * format) plugs in. The writer must make {@code file} complete and visible on {@code close()} and
 * leave it invisible otherwise.
 */
@FunctionalInterface
public interface OutputOpener {
    /**
     * Opens a writer for {@code spec}, whose absolute local path is {@code file}.
     *
     * @throws IOException when the output cannot be created
     */
    RecordWriter open(Task.OutputSpec spec, Path file) throws IOException;
}
