package io.jdisco.taskio.internal;

import io.jdisco.taskio.RecordCodec;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;

/** {@code chain_reader} / {@code disco_input_stream}: Disco's internal format (SPEC §7.4). */
public final class DiscoReaderStage implements ReaderStage<Object> {
    private static final long serialVersionUID = 1L;

    private final boolean ignoreCorrupt;
    private final int maxHunkBytes;
    private final RecordCodec codec;

    /** A reader stage; see {@link HunkRecordReader}. */
    public DiscoReaderStage(boolean ignoreCorrupt, int maxHunkBytes, RecordCodec codec) {
        this.ignoreCorrupt = ignoreCorrupt;
        this.maxHunkBytes = maxHunkBytes;
        this.codec = codec;
    }

    @Override
    public RecordReader<Object> open(InputLink in, ChainContext context) {
        return new HunkRecordReader(new InputCursor(in.stream(), in.url()), in.size(), ignoreCorrupt,
                maxHunkBytes, codec, context::message);
    }

    @Override
    public String toString() {
        return "disco_input_stream(ignoreCorrupt=" + ignoreCorrupt + ", codec=" + codec + ")";
    }
}
