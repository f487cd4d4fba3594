package io.jdisco.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jdisco.worker.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes records as JSON, one per line, for {@code cat}: {@link Bytes} that are valid UTF-8 become
 * strings, other {@code Bytes} an object {@code {"bytes_hex": "<lowercase hex>"}} (so nothing is
 * lost or replaced); {@code String}s strings; numbers and booleans as themselves; {@code null}
 * null; tuples, lists and sets arrays (a pair is {@code ["key", value]}); maps objects, their keys
 * as text.
 */
public final class JsonRecords implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;

    /** A writer of JSON lines to {@code out} (not closed by {@link #close()}, only flushed). */
    public JsonRecords(OutputStream out) throws IOException {
        this.json = FACTORY.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
    }

    /** Writes {@code record} and a newline. */
    public void write(Object record) throws IOException {
        value(record);
        json.writeRaw('\n');
    }

    private void value(Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Bytes b) {
            String text = utf8(b);
            if (text != null) {
                json.writeString(text);
            } else {
                json.writeStartObject();
                json.writeStringField("bytes_hex", HexFormat.of().formatHex(b.toByteArray()));
                json.writeEndObject();
            }
        } else if (v instanceof String text) {
            json.writeString(text);
        } else if (v instanceof BigInteger big) {
            json.writeNumber(big);
        } else if (v instanceof Double d) {
            json.writeNumber(d);
        } else if (v instanceof Float f) {
            json.writeNumber(f.doubleValue());
        } else if (v instanceof Number n) {
            json.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                value(item);
            }
            json.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = e.getKey();
                String text = k instanceof Bytes b ? utf8(b) : null;
                String key = text != null ? text : String.valueOf(k);
                json.writeFieldName(key);
                value(e.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeString(v.toString());
        }
    }

    /** {@code b} decoded as UTF-8, or {@code null} when it is not valid UTF-8. */
    static String utf8(Bytes b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Flushes what was written. */
    @Override
    public void close() throws IOException {
        json.flush();
    }
}
