package io.jdisco.taskio.internal.hunk;

import io.jdisco.taskio.DiscoOutputOptions;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.RecordWriter;
import io.jdisco.worker.io.WriterStage;

/** {@code disco_output_stream}: Disco's internal format writer (SPEC §7.4). */
public final class DiscoWriterStage implements WriterStage {
    private static final long serialVersionUID = 1L;

    private final DiscoOutputOptions options;

    /** A stage writing with {@code options}. */
    public DiscoWriterStage(DiscoOutputOptions options) {
        this.options = options;
    }

    @Override
    public RecordWriter open(OutputLink in, ChainContext context) {
        return new HunkRecordWriter(in.stream(), options.compressionLevel(), options.storedHunks(),
                options.minHunkSize(), options.maxRecordSize(), options.codec());
    }

    @Override
    public String toString() {
        return "disco_output_stream(" + options + ")";
    }
}
