package io.jdisco.worker.classic.internal.sort;

import io.jdisco.worker.Tuple;
import java.io.IOException;

/** Encodes a record pair to bytes and back, for the external sort's run files. */
public interface PairCodec {
    /** The bytes of {@code pair}. */
    byte[] encode(Tuple pair) throws IOException;

    /** Appends the bytes of {@code pair} to {@code out}; by default a copy of {@link #encode(Tuple)}. */
    default void encode(Tuple pair, ScratchBuffer out) throws IOException {
        byte[] b = encode(pair);
        out.write(b, 0, b.length);
    }

    /** The pair encoded in {@code length} bytes of {@code data} from {@code offset}; a fresh object. */
    Tuple decode(byte[] data, int offset, int length) throws IOException;
}
