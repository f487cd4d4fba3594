package io.jdisco.worker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parameters, or state, handed to every job function of a task: the seed's {@code Params}.
 *
 * <p>Values are any {@link Serializable} objects, functions included. Every task receives its own
 * copy, deserialized from the job data, so a task may change its {@code Params} (for example in a
 * {@code map_init}) without affecting any other task. Not thread-safe: a task's functions run on
 * one thread.
 */
public final class Params implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Serializable> values;

    /** Empty parameters. */
    public Params() {
        this.values = new LinkedHashMap<>();
    }

    private Params(Map<String, Serializable> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** Parameters holding the given entries. */
    public static Params of(Map<String, ? extends Serializable> entries) {
        Objects.requireNonNull(entries, "entries");
        Params p = new Params();
        entries.forEach(p::put);
        return p;
    }

    /** Parameters holding one entry. */
    public static Params of(String key, Serializable value) {
        return new Params().put(key, value);
    }

    /** Parameters holding two entries. */
    public static Params of(String k1, Serializable v1, String k2, Serializable v2) {
        return new Params().put(k1, v1).put(k2, v2);
    }

    /** Sets {@code key} to {@code value} ({@code null} allowed) and returns this object. */
    public Params put(String key, Serializable value) {
        Objects.requireNonNull(key, "key");
        values.put(key.intern(), value);
        return this;
    }

    /** True when {@code key} is set, even to {@code null}. */
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /**
     * The value of {@code key}.
     *
     * @throws IllegalArgumentException if the key is not set, naming the keys that are
     */
    public Object get(String key) {
        Objects.requireNonNull(key, "key");
        Object v = values.get(key); // one lookup: map functions call this for every record
        if (v == null && !values.containsKey(key)) {
            throw new IllegalArgumentException("no parameter '" + key + "'; parameters are " + values.keySet());
        }
        return v;
    }

    /**
     * The value of {@code key} as a {@code type}.
     *
     * @throws IllegalArgumentException if the key is not set or holds another type
     */
    public <T> T get(String key, Class<T> type) {
        Objects.requireNonNull(type, "type");
        Object v = get(key);
        if (v != null && !type.isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + key + "' is a " + v.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(v);
    }

    /** The value of {@code key}, or {@code fallback} when the key is not set. */
    public <T> T getOrDefault(String key, Class<T> type, T fallback) {
        return contains(key) ? get(key, type) : fallback;
    }

    /** Removes {@code key}; returns this object. */
    public Params remove(String key) {
        values.remove(key);
        return this;
    }

    /** The keys, in insertion order (read-only view). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The entries, in insertion order (read-only view). */
    public Map<String, Serializable> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * A deep copy made by Java serialization: what each task receives.
     *
     * @throws IllegalStateException if a value cannot be serialized, naming the key
     */
    public Params deepCopy() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new IllegalStateException("parameters cannot be serialized: " + describeUnserializable(), e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (Params) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("parameters cannot be copied", e);
        }
    }

    /**
     * The deserialized parameters with their keys interned, as {@link #put} interns them: a job
     * function's literal key then matches by identity, where comparing the characters of the key
     * at every record showed in the sort's map profile (bench/README.md).
     */
    private Object readResolve() {
        Params p = new Params();
        values.forEach(p::put);
        return p;
    }

    private String describeUnserializable() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Serializable> e : values.entrySet()) {
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                out.writeObject(e.getValue());
            } catch (IOException ex) {
                sb.append(sb.length() == 0 ? "" : ", ").append("'").append(e.getKey()).append("' (")
                        .append(ex.getMessage()).append(')');
            }
        }
        return sb.length() == 0 ? "unknown value" : sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params && values.equals(((Params) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Params" + values;
    }
}
