package io.jdisco.taskio.internal.oldformat;

import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.RecordWriter;
import io.jdisco.worker.io.WriterStage;

/** {@code plain_output_stream}: the old text format writer (SPEC §7.6). */
public final class PlainWriterStage implements WriterStage {
    private static final long serialVersionUID = 1L;

    @Override
    public RecordWriter open(OutputLink in, ChainContext context) {
        return new PlainRecordWriter(in.stream());
    }

    @Override
    public String toString() {
        return "plain_output_stream";
    }
}
