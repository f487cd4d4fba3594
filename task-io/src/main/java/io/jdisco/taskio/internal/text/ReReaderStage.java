package io.jdisco.taskio.internal.text;

import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.util.regex.Pattern;

/** {@code re_reader} as a chain's reader (SPEC §7.8). */
public final class ReReaderStage implements ReaderStage<Tuple> {
    private static final long serialVersionUID = 1L;

    private final Pattern pattern;
    private final boolean outputTail;
    private final int maxRecordBytes;

    /** A stage; see {@link ReRecordReader}. */
    public ReReaderStage(Pattern pattern, boolean outputTail, int maxRecordBytes) {
        this.pattern = pattern;
        this.outputTail = outputTail;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public RecordReader<Tuple> open(InputLink in, ChainContext context) {
        return new ReRecordReader(in.stream(), in.size(), in.url(), pattern, outputTail, maxRecordBytes,
                context::message);
    }

    @Override
    public String toString() {
        return "re_reader(" + pattern.pattern() + ", outputTail=" + outputTail + ")";
    }
}
