package io.jdisco.taskio.internal.oldformat;

import io.jdisco.worker.Bytes;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python 2's {@code str(x)} and {@code repr(x)} of record values, as bytes: what the old text
 * format ({@code DiscoPlainOut}) and the netstring helpers write. Byte strings are written as
 * they are, unicode as UTF-8, containers as Python prints them ({@code ('a', 1)}).
 */
public final class PyText {
    private PyText() {
    }

    /** {@code str(value)} as bytes. */
    public static byte[] str(Object value) {
        if (value instanceof Bytes) {
            return ((Bytes) value).toByteArray();
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof String) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repr(value, out, 0);
        return out.toByteArray();
    }

    /** {@code repr(value)} as bytes. */
    public static byte[] repr(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repr(value, out, 0);
        return out.toByteArray();
    }

    private static void repr(Object v, ByteArrayOutputStream out, int depth) {
        if (depth > 1000) {
            throw new IllegalArgumentException("value nested deeper than 1000 levels");
        }
        if (v == null) {
            ascii(out, "None");
        } else if (v instanceof Boolean) {
            ascii(out, (Boolean) v ? "True" : "False");
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            ascii(out, v.toString());
        } else if (v instanceof BigInteger) {
            ascii(out, v + "L");
        } else if (v instanceof Double || v instanceof Float) {
            ascii(out, floatRepr(((Number) v).doubleValue()));
        } else if (v instanceof Bytes || v instanceof byte[]) {
            quoteBytes(v instanceof Bytes ? ((Bytes) v).toByteArray() : (byte[]) v, out);
        } else if (v instanceof String) {
            out.write('u');
            quoteUnicode((String) v, out);
        } else if (v instanceof io.jdisco.worker.Tuple) {
            List<?> t = (List<?>) v;
            sequence(t, "(", t.size() == 1 ? ",)" : ")", out, depth);
        } else if (v instanceof List) {
            sequence((List<?>) v, "[", "]", out, depth);
        } else if (v instanceof Set) {
            sequence((Set<?>) v, "set([", "])", out, depth);
        } else if (v instanceof Map) {
            out.write('{');
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) v).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                repr(e.getKey(), out, depth + 1);
                ascii(out, ": ");
                repr(e.getValue(), out, depth + 1);
                if (it.hasNext()) {
                    ascii(out, ", ");
                }
            }
            out.write('}');
        } else {
            throw new IllegalArgumentException("cannot write a value of type " + v.getClass().getName()
                    + " as text");
        }
    }

    private static void sequence(Collection<?> items, String open, String close, ByteArrayOutputStream out,
            int depth) {
        ascii(out, open);
        Iterator<?> it = items.iterator();
        while (it.hasNext()) {
            repr(it.next(), out, depth + 1);
            if (it.hasNext()) {
                ascii(out, ", ");
            }
        }
        ascii(out, close);
    }

    /** Python's repr of a float: shortest round-trip digits, {@code 1e+16} style past 16 digits. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = b.unscaledValue().abs().toString();
        int exp = digits.length() - b.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = b.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    private static void quoteBytes(byte[] b, ByteArrayOutputStream out) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte x : b) {
            hasSingle |= x == '\'';
            hasDouble |= x == '"';
        }
        char q = quoteFor(hasSingle, hasDouble);
        out.write(q);
        for (byte x : b) {
            int c = x & 0xFF;
            if (c < 0x80) {
                escapeAscii(c, q, out);
            } else {
                ascii(out, String.format("\\x%02x", c));
            }
        }
        out.write(q);
    }

    private static void quoteUnicode(String s, ByteArrayOutputStream out) {
        char q = quoteFor(s.indexOf('\'') >= 0, s.indexOf('"') >= 0);
        out.write(q);
        s.codePoints().forEach(c -> {
            if (c < 0x80) {
                escapeAscii(c, q, out);
            } else if (c <= 0xff) {
                ascii(out, String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                ascii(out, String.format("\\u%04x", c));
            } else {
                ascii(out, String.format("\\U%08x", c));
            }
        });
        out.write(q);
    }

    /** Python 2's choice of quote: double quotes only when the text has a single quote and no double quote. */
    private static char quoteFor(boolean hasSingle, boolean hasDouble) {
        return hasSingle && !hasDouble ? '"' : '\'';
    }

    /**
     * An ASCII character ({@code c < 0x80}) as Python 2's {@code repr} writes it inside quotes
     * {@code q}, the same for {@code str} and {@code unicode}: the quote and backslash escaped,
     * {@code \n \r \t} by name, other control characters and DEL as {@code \xNN}.
     */
    private static void escapeAscii(int c, char q, ByteArrayOutputStream out) {
        if (c == q || c == '\\') {
            out.write('\\');
            out.write(c);
        } else if (c == '\n') {
            ascii(out, "\\n");
        } else if (c == '\r') {
            ascii(out, "\\r");
        } else if (c == '\t') {
            ascii(out, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            ascii(out, String.format("\\x%02x", c));
        } else {
            out.write(c);
        }
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }
}
