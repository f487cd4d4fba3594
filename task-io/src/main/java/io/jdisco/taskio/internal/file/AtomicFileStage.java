package io.jdisco.taskio.internal.file;

import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.OutputStage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code task_output_stream} (SPEC §7.3, §7.9): opens the output path (a local path or
 * {@code file://} URL) as an atomic file.
 */
public final class AtomicFileStage implements OutputStage {
    private static final long serialVersionUID = 1L;

    /** Disco refuses to start an output with less than 1 MiB free. */
    public static final long MIN_FREE_BYTES = 1024 * 1024;

    private final long minFreeBytes;

    /** A stage that requires {@code minFreeBytes} of free space. */
    public AtomicFileStage(long minFreeBytes) {
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    public OutputLink apply(OutputLink in, ChainContext context) throws IOException {
        String url = in.url();
        String path = url.startsWith("file://") ? url.substring("file://".length()) : url;
        return new OutputLink(AtomicFileOutputStream.open(Path.of(path), minFreeBytes), url);
    }

    @Override
    public String toString() {
        return "task_output_stream";
    }
}
