package io.jdisco.worker.classic.typed;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.KeyValue;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.typed.internal.JsonCodec;
import io.jdisco.worker.classic.typed.internal.PickleCodecs;
import io.jdisco.worker.classic.typed.internal.RecordTupleCodec;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * The codecs of the types a typed job's keys and values may have.
 *
 * <table>
 *   <caption>Java types and what Python sees</caption>
 *   <tr><th>Java</th><th>record (pickle)</th><th>Python</th></tr>
 *   <tr><td>{@code String}</td><td>unicode</td><td>{@code unicode} / {@code str}; a Python 2 byte
 *       string is read as UTF-8</td></tr>
 *   <tr><td>{@code Long}, {@code Integer}</td><td>int</td><td>{@code int}</td></tr>
 *   <tr><td>{@code Double}</td><td>float</td><td>{@code float}</td></tr>
 *   <tr><td>{@code Boolean}</td><td>bool</td><td>{@code bool}</td></tr>
 *   <tr><td>{@link Bytes}, {@code byte[]}</td><td>byte string</td><td>{@code str} (2) /
 *       {@code bytes} (3)</td></tr>
 *   <tr><td>{@link Tuple}, {@code List}, {@code Map}</td><td>tuple, list, dict of the above</td>
 *       <td>the same</td></tr>
 *   <tr><td>a record or a bean ("POJO")</td><td>its JSON text (Jackson) as unicode</td>
 *       <td>{@code json.loads(value)}</td></tr>
 *   <tr><td>a record, with {@link #tuple(Class)}</td><td>a tuple of its components</td>
 *       <td>{@code tuple}</td></tr>
 * </table>
 *
 * Everything else — interfaces and abstract classes other than {@code List} and {@code Map},
 * {@code Object}, arrays other than {@code byte[]}, classes without a no-argument constructor
 * that are not records — is refused by {@link #of} at the job's {@code build()}, not in a worker.
 */
public final class Codecs {
    private Codecs() {
    }

    /**
     * The codec of {@code type}.
     *
     * @throws IllegalArgumentException naming the type when no codec fits it
     */
    public static <T> Codec<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Codec<T> pickled = PickleCodecs.of(type);
        if (pickled != null) {
            return pickled;
        }
        String why = jsonProblem(type);
        if (why != null) {
            throw new IllegalArgumentException("no codec for " + type.getName() + ": " + why
                    + " (keys and values are String, Long, Integer, Double, Boolean, Bytes, byte[], Tuple, "
                    + "List, Map, or a record or bean written as JSON)");
        }
        return json(type);
    }

    /**
     * Records of {@code type} as pickled tuples of their components, each through its own codec:
     * {@code record Hit(long number, Bytes line)} travels as Python's {@code (number, line)}. Use it
     * where Python reads the values, or where a component is bytes (JSON has no bytes).
     *
     * @throws IllegalArgumentException naming a component whose type has no codec
     */
    public static <R extends Record> Codec<R> tuple(Class<R> type) {
        return new RecordTupleCodec<>(Objects.requireNonNull(type, "type"));
    }

    /**
     * The typed pair of a Disco record {@code (key, value)}: the key decoded by {@code keys}, the
     * value by {@code values}.
     *
     * @throws DataException when the record is not a pair, or a codec refuses its part
     */
    public static <K, V> KeyValue<K, V> decodePair(Object record, Codec<K> keys, Codec<V> values)
            throws DataException {
        if (!(record instanceof Tuple t) || t.size() != 2) {
            throw new DataException("expected a (key, value) pair, got "
                    + (record == null ? "None" : record.getClass().getSimpleName() + " " + record), null);
        }
        return KeyValue.of(keys.decode(t.key()), values.decode(t.value()));
    }

    /** Values of {@code type} as their JSON text (Jackson), a unicode string in the record. */
    public static <T> Codec<T> json(Class<T> type) {
        return new JsonCodec<>(Objects.requireNonNull(type, "type"));
    }

    /** Why Jackson cannot read {@code type} back, or null when it can. */
    private static String jsonProblem(Class<?> type) {
        if (type.isPrimitive()) {
            return "use its boxed type";
        }
        if (type.isArray()) {
            return "arrays other than byte[] are not record values; use a List";
        }
        if (type == Object.class || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return "the type does not say what to decode a value into";
        }
        if (type.isAnonymousClass() || type.isLocalClass()
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            return "an anonymous, local or inner class cannot be created from JSON; make it a top-level or static class";
        }
        if (type.isEnum() || type.isRecord()) {
            return null;
        }
        try {
            type.getDeclaredConstructor();
            return null;
        } catch (NoSuchMethodException e) {
            return "it is not a record and has no no-argument constructor for JSON to use";
        }
    }
}
