package io.jdisco.worker.classic.typed.internal;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.typed.Codec;
import io.jdisco.worker.classic.typed.Codecs;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * A Java record as a pickled tuple of its components, in declaration order, each through its own
 * codec: {@code record Hit(long number, Bytes line)} travels as Python's {@code (number, line)}.
 * Python reads it as a plain tuple, and a record's bytes stay bytes (JSON has no bytes).
 *
 * @param <R> the record type
 */
public final class RecordTupleCodec<R extends Record> implements Codec<R> {
    private static final long serialVersionUID = 1L;

    private final Class<R> type;
    private final List<Codec<?>> components;
    private transient Constructor<R> constructor;
    private transient RecordComponent[] accessors;

    /**
     * The codec of {@code type}.
     *
     * @throws IllegalArgumentException naming the component whose type has no codec
     */
    public RecordTupleCodec(Class<R> type) {
        this.type = Objects.requireNonNull(type, "type");
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        RecordComponent[] parts = type.getRecordComponents();
        Codec<?>[] codecs = new Codec<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Class<?> t = box(parts[i].getType());
            try {
                codecs[i] = Codecs.of(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("component '" + parts[i].getName() + "' of " + type.getName()
                        + ": " + e.getMessage(), e);
            }
        }
        this.components = List.of(codecs);
    }

    @Override
    public Class<R> type() {
        return type;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object encode(R value) {
        if (value == null) {
            return null;
        }
        RecordComponent[] parts = accessors();
        Object[] items = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                items[i] = ((Codec) components.get(i)).encode(parts[i].getAccessor().invoke(value));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot read component '" + parts[i].getName() + "' of " + value, e);
            }
        }
        return Tuple.of(items);
    }

    @Override
    public R decode(Object recordValue) throws DataException {
        if (recordValue == null) {
            return null;
        }
        if (!(recordValue instanceof List<?> items) || items.size() != components.size()) {
            throw new DataException("expected a tuple of " + components.size() + " items for a "
                    + type.getSimpleName() + ", the record holds " + recordValue, null);
        }
        Object[] args = new Object[items.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = components.get(i).decode(items.get(i));
        }
        try {
            return constructor().newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | IllegalArgumentException e) {
            throw new DataException("cannot make a " + type.getName() + " of " + recordValue + ": " + e, null, e);
        }
    }

    private RecordComponent[] accessors() {
        if (accessors == null) {
            RecordComponent[] parts = type.getRecordComponents();
            for (RecordComponent p : parts) {
                p.getAccessor().setAccessible(true);
            }
            accessors = parts;
        }
        return accessors;
    }

    private Constructor<R> constructor() {
        if (constructor == null) {
            RecordComponent[] parts = accessors();
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
            }
            try {
                Constructor<R> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                constructor = c;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
        return constructor;
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        if (t == long.class) {
            return Long.class;
        }
        if (t == int.class) {
            return Integer.class;
        }
        if (t == double.class) {
            return Double.class;
        }
        if (t == boolean.class) {
            return Boolean.class;
        }
        throw new IllegalArgumentException("a component of type " + t + " has no codec; use long, int, double or boolean");
    }

    @Override
    public String toString() {
        return "tuple codec of " + type.getSimpleName();
    }
}
