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

/**
 * The codecs of the types the pickle codec stores as they are: encoding is the identity (or a
 * widening, {@code byte[]} to {@link Bytes}), decoding checks the type and converts what Python
 * may have written for it (an {@code int} where a {@code float} is expected, a Python 2 byte
 * string where a string is). Enum constants: a codec travels with every job and comes back as the
 * same constant in the worker, and no lambda is spun up for it in a short-lived JVM.
 */
public enum PickleCodecs implements Codec<Object> {
    /** {@code String} ↔ unicode; a Python 2 byte string is read as UTF-8. */
    STRING(String.class) {
        @Override
        Object convert(Object v) throws DataException {
            if (v instanceof String) {
                return v;
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
    },
    /** {@code Long} ↔ int. */
    LONG(Long.class) {
        @Override
        Object convert(Object v) throws DataException {
            return toLong(v);
        }
    },
    /** {@code Integer} ↔ int within 32 bits. */
    INTEGER(Integer.class) {
        @Override
        Object convert(Object v) throws DataException {
            long l = toLong(v);
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new DataException("the int " + l + " does not fit an Integer", null);
            }
            return (int) l;
        }
    },
    /** {@code Double} ↔ float; an int reads as its value. */
    DOUBLE(Double.class) {
        @Override
        Object convert(Object v) throws DataException {
            if (v instanceof Double) {
                return v;
            }
            if (v instanceof Number n && !(v instanceof BigInteger)) {
                return n.doubleValue();
            }
            throw mismatch(v, "Double");
        }
    },
    /** {@code Boolean} ↔ bool. */
    BOOLEAN(Boolean.class) {
        @Override
        Object convert(Object v) throws DataException {
            return cast(v, Boolean.class);
        }
    },
    /** {@link Bytes} ↔ byte string. */
    BYTES(Bytes.class) {
        @Override
        Object convert(Object v) throws DataException {
            return cast(v, Bytes.class);
        }
    },
    /** {@code byte[]} ↔ byte string (copied both ways). */
    BYTE_ARRAY(byte[].class) {
        @Override
        public Object encode(Object value) {
            return value == null ? null : Bytes.of((byte[]) value);
        }

        @Override
        Object convert(Object v) throws DataException {
            return cast(v, Bytes.class).toByteArray();
        }
    },
    /** {@link Tuple} ↔ tuple; a list reads as a tuple. */
    TUPLE(Tuple.class) {
        @Override
        Object convert(Object v) throws DataException {
            if (v instanceof Tuple) {
                return v;
            }
            if (v instanceof List<?> l) {
                return Tuple.of(l.toArray());
            }
            throw mismatch(v, "Tuple");
        }
    },
    /** {@code List} ↔ list (a tuple is a list too). */
    LIST(List.class) {
        @Override
        Object convert(Object v) throws DataException {
            return cast(v, List.class);
        }
    },
    /** {@code Map} ↔ dict. */
    MAP(Map.class) {
        @Override
        Object convert(Object v) throws DataException {
            return cast(v, Map.class);
        }
    };

    private final Class<?> type;

    PickleCodecs(Class<?> type) {
        this.type = type;
    }

    /** The codec of {@code type}, or null when it is not a pickled type. */
    @SuppressWarnings("unchecked")
    public static <T> Codec<T> of(Class<T> type) {
        for (PickleCodecs c : values()) {
            if (c.type == type) {
                return (Codec<T>) (Codec<?>) c;
            }
        }
        return null;
    }

    /**
     * True when {@code codec} stores values as they are (its encoding is the identity): a typed
     * function's pairs of such types go to the output without a call per key and value.
     */
    public static boolean storesAsIs(Codec<?> codec) {
        return codec instanceof PickleCodecs c && c != BYTE_ARRAY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Object> type() {
        return (Class<Object>) type;
    }

    @Override
    public Object encode(Object value) {
        return value;
    }

    @Override
    public Object decode(Object recordValue) throws DataException {
        return recordValue == null ? null : convert(recordValue);
    }

    /** The value of a record value that is not {@code None}. */
    abstract Object convert(Object v) throws DataException;

    @Override
    public String toString() {
        return "codec of " + type.getSimpleName();
    }

    private static <T> T cast(Object v, Class<T> type) throws DataException {
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw mismatch(v, type.getSimpleName());
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

    private static DataException mismatch(Object v, String expected) {
        String text = String.valueOf(v);
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        return new DataException("expected a " + expected + ", the record holds a "
                + v.getClass().getSimpleName() + " " + text, null);
    }
}
