package io.jdisco.worker.classic.internal.sort;

import io.jdisco.taskio.PickleCodec;
import io.jdisco.taskio.RecordCodec;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The sort's {@link PairCodec}: each pair as one protocol-1 pickle, exactly as the internal format
 * stores records (SPEC §7.5), so whatever a reduce input can hold survives the sort, and every
 * decoded pair is a fresh object. One instance per sort (not thread-safe).
 */
public final class PicklePairCodec implements PairCodec {
    private final RecordCodec.Encoder encoder = PickleCodec.INSTANCE.newEncoder();
    private final RecordCodec.Decoder decoder = PickleCodec.INSTANCE.newDecoder();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

    @Override
    public byte[] encode(Tuple pair) throws IOException {
        buffer.reset();
        encoder.encode(pair, buffer);
        return buffer.toByteArray();
    }

    @Override
    public void encode(Tuple pair, ScratchBuffer out) throws IOException {
        encoder.encode(pair, out);
    }

    @Override
    public Tuple decode(byte[] data, int offset, int length) throws IOException {
        Object o = decoder.decode(data, offset, offset + length);
        if (!(o instanceof Tuple) || !((Tuple) o).isPair()) {
            throw new DataException("sort run holds a record that is not a pair: " + o, null);
        }
        return (Tuple) o;
    }
}
