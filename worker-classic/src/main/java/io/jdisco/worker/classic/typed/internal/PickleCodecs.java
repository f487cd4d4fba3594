package io.jdisco.worker.classic.typed.internal;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.typed.Codec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The codecs of the types the pickle codec stores as they are: encoding is the identity (or a
 * widening, {@code byte[]} to {@link Bytes}), decoding checks the type and converts what Python
 * may have written for it (an {@code int} where a {@code float} is expected, a Python 2 byte
 * string where a string is).
 */
public final class PickleCodecs {
    private PickleCodecs() {
    }

    /**
     * The encoding of the types stored as they are: an enum, so that a codec deserialized in a
     * worker still holds this very instance ({@link #storesAsIs} compares it; a lambda would come
     * back as a new object).
     */
    private enum AsIs implements SerializableFunction<Object> {
        INSTANCE;

        @Override
        public Object apply(Object value) {
            return value;
        }
    }

    /**
     * True when {@code codec} stores values as they are (its encoding is the identity): a typed
     * function's pairs of such types go to the output without a call per key and value.
     */
    public static boolean storesAsIs(Codec<?> codec) {
        return codec instanceof Simple<?> simple && simple.encode == AsIs.INSTANCE;
    }

    /** The codec of {@code type}, or null when it is not a pickled type. */
    @SuppressWarnings("unchecked")
    public static <T> Codec<T> of(Class<T> type) {
        Codec<?> c;
        if (type == String.class) {
            c = new Simple<>(String.class, asIs(), PickleCodecs::string);
        } else if (type == Long.class) {
            c = new Simple<>(Long.class, asIs(), PickleCodecs::toLong);
        } else if (type == Integer.class) {
            c = new Simple<>(Integer.class, asIs(), PickleCodecs::toInt);
        } else if (type == Double.class) {
            c = new Simple<>(Double.class, asIs(), PickleCodecs::toDouble);
        } else if (type == Boolean.class) {
            c = new Simple<>(Boolean.class, asIs(), v -> cast(v, Boolean.class));
        } else if (type == Bytes.class) {
            c = new Simple<>(Bytes.class, asIs(), v -> cast(v, Bytes.class));
        } else if (type == byte[].class) {
            c = new Simple<>(byte[].class, Bytes::of, v -> cast(v, Bytes.class).toByteArray());
        } else if (type == Tuple.class) {
            c = new Simple<>(Tuple.class, asIs(), PickleCodecs::tuple);
        } else if (type == List.class) {
            c = new Simple<>(List.class, asIs(), v -> cast(v, List.class));
        } else if (type == Map.class) {
            c = new Simple<>(Map.class, asIs(), v -> cast(v, Map.class));
        } else {
            return null;
        }
        return (Codec<T>) c;
    }

    @SuppressWarnings("unchecked")
    private static <T> SerializableFunction<T> asIs() {
        return (SerializableFunction<T>) (SerializableFunction<?>) AsIs.INSTANCE;
    }

    /** A decoding step that may refuse the data. */
    @FunctionalInterface
    interface Decoding<T> extends java.io.Serializable {
        T apply(Object value) throws DataException;
    }

    /** Encodes with a function, decodes with a checked step; {@code null} passes both ways. */
    private static final class Simple<T> implements Codec<T> {
        private static final long serialVersionUID = 1L;

        private final Class<T> type;
        private final SerializableFunction<T> encode;
        private final Decoding<T> decode;

        Simple(Class<T> type, SerializableFunction<T> encode, Decoding<T> decode) {
            this.type = type;
            this.encode = encode;
            this.decode = decode;
        }

        @Override
        public Class<T> type() {
            return type;
        }

        @Override
        public Object encode(T value) {
            return value == null ? null : encode.apply(value);
        }

        @Override
        public T decode(Object recordValue) throws DataException {
            return recordValue == null ? null : decode.apply(recordValue);
        }

        @Override
        public String toString() {
            return "codec of " + type.getSimpleName();
        }
    }

    /** An encoding function that travels with the job. */
    @FunctionalInterface
    interface SerializableFunction<T> extends Function<T, Object>, java.io.Serializable {
    }

    private static <T> T cast(Object v, Class<T> type) throws DataException {
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw mismatch(v, type.getSimpleName());
    }

    private static String string(Object v) throws DataException {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Bytes b) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw new DataException("a byte string read as a String is not UTF-8: " + b, null, e);
            }
        }
        throw mismatch(v, "String");
    }

    private static Long toLong(Object v) throws DataException {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw mismatch(v, "Long");
    }

    private static Integer toInt(Object v) throws DataException {
        long l = toLong(v);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new DataException("the int " + l + " does not fit an Integer", null);
        }
        return (int) l;
    }

    private static Double toDouble(Object v) throws DataException {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Number n && !(v instanceof BigInteger)) {
            return n.doubleValue();
        }
        throw mismatch(v, "Double");
    }

    private static Tuple tuple(Object v) throws DataException {
        if (v instanceof Tuple t) {
            return t;
        }
        if (v instanceof List<?> l) {
            return Tuple.of(l.toArray());
        }
        throw mismatch(v, "Tuple");
    }

    private static DataException mismatch(Object v, String expected) {
        String text = String.valueOf(v);
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        return new DataException("expected a " + expected + ", the record holds a "
                + v.getClass().getSimpleName() + " " + text, null);
    }
}
