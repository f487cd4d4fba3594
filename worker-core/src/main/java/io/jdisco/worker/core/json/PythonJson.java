package io.jdisco.worker.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it, and a parser to plain Java values.
 *
 * <p>Disco's Python client and worker write JSON with {@code json.dumps(obj)}: separators
 * {@code ", "} and {@code ": "}, {@code ensure_ascii} (every character outside printable ASCII as a
 * lower-case {@code \u005CuXXXX} escape, {@code \n \r \t \b \f \" \\} as short escapes), keys in the map's
 * iteration order. Writing the same way makes our job packs and protocol frames byte-identical to the
 * reference ones. The master (mochijson2) writes compact JSON ({@code ","} and {@code ":"}); the
 * {@link #compact} form reproduces that for test masters.
 *
 * <p>Values written: {@code null}, {@code Boolean}, integral numbers ({@code Integer}, {@code Long},
 * {@code Short}, {@code Byte}, {@code BigInteger}), {@code Double}/{@code Float} (Python {@code repr}
 * form), {@code CharSequence}, {@code Map} with string keys, {@code Collection} and object arrays.
 * Parsed values: {@code null}, {@code Boolean}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code String}, {@code List} and insertion-ordered {@code Map}.
 */
public final class PythonJson {
    private final String itemSeparator;
    private final String keySeparator;

    private PythonJson(String itemSeparator, String keySeparator) {
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
    }

    /** The {@code json.dumps(obj)} format: {@code ", "} and {@code ": "}. */
    public static PythonJson dumps() {
        return new PythonJson(", ", ": ");
    }

    /** The compact format the master's mochijson2 writes: {@code ","} and {@code ":"}. */
    public static PythonJson compact() {
        return new PythonJson(",", ":");
    }

    /**
     * The JSON text of {@code value} (ASCII only).
     *
     * @throws IllegalArgumentException naming the value that has no JSON form
     */
    public String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    /** {@link #write(Object)} as bytes (ASCII, hence also UTF-8). */
    public byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses one JSON value from UTF-8 bytes; maps keep their order.
     *
     * @throws JsonSyntaxException when the bytes are not exactly one JSON value
     */
    public static Object parse(byte[] utf8) throws JsonSyntaxException {
        Objects.requireNonNull(utf8, "utf8");
        try {
            return JsonValueReader.read(utf8);
        } catch (JsonSyntaxException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new JsonSyntaxException(e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new JsonSyntaxException(String.valueOf(e.getMessage()), e);
        }
    }

    private void append(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v) ? "true" : "false");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append(v.toString());
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(pythonRepr(((Number) v).doubleValue()));
        } else if (v instanceof CharSequence) {
            appendString(sb, v.toString());
        } else if (v instanceof Map) {
            appendMap(sb, (Map<?, ?>) v);
        } else if (v instanceof Collection) {
            appendList(sb, ((Collection<?>) v).toArray());
        } else if (v instanceof Object[]) {
            appendList(sb, (Object[]) v);
        } else {
            throw new IllegalArgumentException("no JSON form for a " + v.getClass().getName() + ": " + v);
        }
    }

    private void appendMap(StringBuilder sb, Map<?, ?> map) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
            }
            if (!first) {
                sb.append(itemSeparator);
            }
            first = false;
            appendString(sb, (String) e.getKey());
            sb.append(keySeparator);
            append(sb, e.getValue());
        }
        sb.append('}');
    }

    private void appendList(StringBuilder sb, Object[] items) {
        sb.append('[');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(itemSeparator);
            }
            append(sb, items[i]);
        }
        sb.append(']');
    }

    /** Python 2's {@code ESCAPE_ASCII}: {@code [\\"]} and everything outside {@code ' '..'~'}. */
    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c >= ' ' && c <= '~') {
                        sb.append(c);
                    } else {
                        // UTF-16 code units, so characters beyond the BMP come out as surrogate pairs, as in Python.
                        sb.append("\\u").append(String.format("%04x", (int) c));
                    }
            }
        }
        sb.append('"');
    }

    /** Python's {@code repr(float)}: shortest digits, fixed notation for exponents -4..15. */
    static String pythonRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = bd.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
