package io.jdisco.worker.classic.internal;

import io.jdisco.worker.Tuple;
import java.io.IOException;

/** Encodes a record pair to bytes and back, for the external sort's run files. */
public interface PairCodec {
    /** The bytes of {@code pair}. */
    byte[] encode(Tuple pair) throws IOException;

    /** The pair encoded in {@code length} bytes of {@code data} from {@code offset}; a fresh object. */
    Tuple decode(byte[] data, int offset, int length) throws IOException;
}
