package io.jdisco.worker.classic.typed.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.classic.typed.Codec;
import java.io.IOException;
import java.util.Objects;

/**
 * Values of a record or bean type as their JSON text, a unicode string in the Disco record (a
 * Python job reads it with {@code json.loads}). Map entries are written sorted by key, so equal
 * values give equal text: keys are grouped and sorted by that text.
 *
 * @param <T> the type
 */
public final class JsonCodec<T> implements Codec<T> {
    private static final long serialVersionUID = 1L;

    /** One mapper per JVM: thread-safe once configured, and costly to make. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    private final Class<T> type;

    /** The codec of {@code type}. */
    public JsonCodec(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public Object encode(T value) {
        if (value == null) {
            return null;
        }
        try {
            return Mapper.INSTANCE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + type.getName() + " " + value + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T decode(Object recordValue) throws DataException {
        if (recordValue == null) {
            return null;
        }
        String text;
        if (recordValue instanceof String s) {
            text = s;
        } else if (recordValue instanceof Bytes b) {
            text = b.utf8String();
        } else {
            throw new DataException("expected the JSON text of a " + type.getSimpleName() + ", the record holds a "
                    + recordValue.getClass().getSimpleName(), null);
        }
        try {
            return Mapper.INSTANCE.readValue(text, type);
        } catch (IOException e) {
            throw new DataException("cannot read a " + type.getName() + " from the JSON "
                    + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + ": " + e.getMessage(), null, e);
        }
    }

    @Override
    public String toString() {
        return "JSON codec of " + type.getSimpleName();
    }
}
