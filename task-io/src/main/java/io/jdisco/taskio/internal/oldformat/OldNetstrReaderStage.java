package io.jdisco.taskio.internal.oldformat;

import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;

/** {@code old_netstr_reader}: Disco's old text format (SPEC §7.6). */
public final class OldNetstrReaderStage implements ReaderStage<Tuple> {
    private static final long serialVersionUID = 1L;

    private final int maxFieldBytes;

    /** A stage whose fields may hold at most {@code maxFieldBytes}. */
    public OldNetstrReaderStage(int maxFieldBytes) {
        this.maxFieldBytes = maxFieldBytes;
    }

    @Override
    public RecordReader<Tuple> open(InputLink in, ChainContext context) {
        return new OldNetstrRecordReader(new InputCursor(in.stream(), in.url()), in.size(), maxFieldBytes);
    }

    @Override
    public String toString() {
        return "old_netstr_reader";
    }
}
