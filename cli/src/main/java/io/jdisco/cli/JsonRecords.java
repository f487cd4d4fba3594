package io.jdisco.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jdisco.worker.Bytes;
import java.io.ByteArrayOutputStream;
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
import java.util.Objects;

/**
 * Writes records as JSON, one per line, for {@code cat}: {@link Bytes} that are valid UTF-8 become
 * strings, other {@code Bytes} an object {@code {"bytes_hex": "<lowercase hex>"}} (so nothing is
 * lost or replaced); {@code String}s strings; numbers and booleans as themselves; {@code null}
 * null; tuples, lists and sets arrays (a pair is {@code ["key", value]}); maps objects, their keys
 * as text. Each record is made in memory first: one that cannot be printed leaves nothing of
 * itself in the output.
 */
public final class JsonRecords implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * The deepest nesting of arrays and objects printed (a pair is one level): JSON readers and
     * Jackson's writer refuse deeper documents, and each level is a frame of this writer's stack.
     */
    public static final int MAX_DEPTH = 900;

    private final OutputStream out;
    private final ByteArrayOutputStream record = new ByteArrayOutputStream();
    private final JsonGenerator json;

    /** A writer of JSON lines to {@code out} (not closed by {@link #close()}, only flushed). */
    public JsonRecords(OutputStream out) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.json = FACTORY.createGenerator(record);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
    }

    /**
     * Writes {@code record} and a newline, or nothing of it when it cannot be printed.
     *
     * @throws NotPrintableException when the record is nested deeper than {@link #MAX_DEPTH}
     */
    public void write(Object value) throws IOException {
        record.reset();
        try {
            value(value, 0);
            json.writeRaw('\n');
            json.flush();
        } catch (NotPrintableException e) {
            json.flush();
            record.reset();
            throw e;
        }
        record.writeTo(out);
    }

    /** A record that cannot be printed as JSON. */
    public static final class NotPrintableException extends IOException {
        private static final long serialVersionUID = 1L;

        NotPrintableException(String message) {
            super(message);
        }
    }

    private void value(Object v, int depth) throws IOException {
        boolean nests = v instanceof Collection<?> || v instanceof Map<?, ?>;
        if (nests && depth >= MAX_DEPTH) {
            throw new NotPrintableException("it is nested deeper than " + MAX_DEPTH
                    + " levels of lists and tuples, more than JSON readers accept");
        }
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
                value(item, depth + 1);
            }
            json.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = e.getKey();
                String text = k instanceof Bytes b ? utf8(b) : null;
                String key = text != null ? text : String.valueOf(k);
                json.writeFieldName(key);
                value(e.getValue(), depth + 1);
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
        out.flush();
    }
}
