package io.jdisco.taskio;

import io.jdisco.taskio.internal.pickle.PickleDecoder;
import io.jdisco.taskio.internal.pickle.PickleEncoder;

/**
 * The default record codec: Python pickles, protocol 1, as Disco 0.5.4 writes them (SPEC §7.5).
 *
 * <p>Writes like Python 2's cPickle (the records of Disco's own vectors come out byte for byte)
 * and reads pickles of protocols 0 to 4 from Python 2 and 3. Only data is ever decoded:
 * {@code None}, bool, int, float, byte and unicode strings, tuples, lists, dicts, sets, and
 * Python 3 {@code bytes} (the {@code _codecs.encode} reduction). Anything else — class
 * instances, other globals, persistent ids — is refused with a
 * {@link io.jdisco.worker.DataException} saying "unsupported pickle content"; no object is ever
 * constructed from the data.
 *
 * <p>Java types: {@link io.jdisco.worker.Bytes} ↔ Python 2 {@code str} / Python 3 {@code bytes};
 * {@code String} ↔ unicode; {@code Long} (or {@code BigInteger} beyond 64 bits) ↔ int and long
 * (the writer also takes {@code Integer}, {@code Short}, {@code Byte}); {@code Double} ↔ float;
 * {@code Boolean}; {@code null} ↔ {@code None}; {@link io.jdisco.worker.Tuple} ↔ tuple;
 * {@code List} ↔ list ({@code ArrayList} when read); {@code Map} ↔ dict ({@code LinkedHashMap});
 * {@code Set} ↔ set ({@code LinkedHashSet}). {@code byte[]} and {@code Float} are written as
 * bytes and float.
 */
public final class PickleCodec implements RecordCodec {
    private static final long serialVersionUID = 1L;

    /** The codec; it has no state. */
    public static final PickleCodec INSTANCE = new PickleCodec();

    private PickleCodec() {
    }

    /** Version 1: hunk marker {@code 0x81}, as Disco writes. */
    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public Encoder newEncoder() {
        return new PickleEncoder();
    }

    @Override
    public Decoder newDecoder() {
        return new PickleDecoder();
    }

    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "pickle";
    }
}
