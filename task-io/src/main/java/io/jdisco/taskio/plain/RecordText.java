package io.jdisco.taskio.plain;

import io.jdisco.worker.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Writes result fields as raw bytes for the tab-separated outputs of word count, grep and join:
 * {@link Bytes} exactly as they are (no decoding, so non-UTF-8 input round-trips), anything else
 * as its UTF-8 text.
 */
public final class RecordText {
    /** Orders fields as the output is sorted: {@link Bytes} unsigned, others by their UTF-8 text. */
    public static final Comparator<Object> ORDER = (a, b) -> asBytes(a).compareTo(asBytes(b));

    private RecordText() {
    }

    /** Writes {@code field}'s bytes to {@code out}. */
    public static void write(OutputStream out, Object field) throws IOException {
        asBytes(field).writeTo(out);
    }

    /**
     * Writes {@code key TAB value} and a newline: the shape of most results, without the
     * conversions of {@link #line} for the common field types ({@code Bytes}, whole numbers).
     */
    public static void pair(OutputStream out, Object key, Object value) throws IOException {
        writeField(out, key);
        out.write('\t');
        writeField(out, value);
        out.write('\n');
    }

    private static void writeField(OutputStream out, Object field) throws IOException {
        if (field instanceof Bytes b) {
            b.writeTo(out);
        } else if (field instanceof Long || field instanceof Integer) {
            out.write(field.toString().getBytes(StandardCharsets.US_ASCII));
        } else {
            write(out, field);
        }
    }

    /** Writes the fields separated by TAB and ended by a newline. */
    public static void line(OutputStream out, Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            write(out, fields[i]);
        }
        out.write('\n');
    }

    /** The bytes a field is written and ordered as. */
    public static Bytes asBytes(Object field) {
        return field instanceof Bytes b ? b : Bytes.of(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
    }
}
