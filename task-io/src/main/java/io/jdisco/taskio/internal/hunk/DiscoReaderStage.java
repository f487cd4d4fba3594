package io.jdisco.taskio.internal.hunk;

import io.jdisco.taskio.DiscoInputOptions;
import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;

/** {@code chain_reader} / {@code disco_input_stream}: Disco's internal format (SPEC §7.4). */
public final class DiscoReaderStage implements ReaderStage<Object> {
    private static final long serialVersionUID = 1L;

    private final DiscoInputOptions options;

    /** A reader stage; see {@link HunkRecordReader}. */
    public DiscoReaderStage(DiscoInputOptions options) {
        this.options = options;
    }

    @Override
    public RecordReader<Object> open(InputLink in, ChainContext context) {
        return new HunkRecordReader(new InputCursor(in.stream(), in.url()), in.size(), options.ignoreCorrupt(),
                options.maxHunkBytes(), options.codec(), context::message, options.readAhead());
    }

    @Override
    public String toString() {
        return "disco_input_stream(" + options + ")";
    }
}
