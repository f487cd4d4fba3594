package io.jdisco.taskio.internal.pickle;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parsers for the text arguments of pickle opcodes (protocol 0 and the integer forms cPickle
 * still writes at protocol 1): {@code I}, {@code L}, {@code F}, {@code S}, {@code V}.
 */
final class PickleText {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PickleText() {
    }

    /** {@code I<decimal>\n}; {@code I01}/{@code I00} are Python 2's booleans. */
    static Object parseIntOpcode(byte[] text) throws DataException {
        if (text.length == 2 && text[0] == '0' && (text[1] == '1' || text[1] == '0')) {
            return text[1] == '1' ? Boolean.TRUE : Boolean.FALSE;
        }
        return normalize(parseDecimal(text, text.length));
    }

    /** {@code L<decimal>[L]\n}: Python 2 and 3 write the trailing {@code L}, both are accepted. */
    static Object parseLongOpcode(byte[] text) throws DataException {
        int n = text.length;
        if (n > 0 && text[n - 1] == 'L') {
            n--;
        }
        return normalize(parseDecimal(text, n));
    }

    private static BigInteger parseDecimal(byte[] text, int n) throws DataException {
        int start = 0;
        if (n > 0 && (text[0] == '-' || text[0] == '+')) {
            start = 1;
        }
        if (n - start < 1 || n - start > PickleDecoder.MAX_DECIMAL_DIGITS) {
            throw new DataException("corrupt pickle: bad integer literal of " + n + " bytes", null);
        }
        for (int i = start; i < n; i++) {
            if (text[i] < '0' || text[i] > '9') {
                throw new DataException("corrupt pickle: bad integer literal", null);
            }
        }
        return new BigInteger(new String(text, 0, n, StandardCharsets.ISO_8859_1));
    }

    /** A {@code Long} when the value fits, else the {@code BigInteger}. */
    static Object normalize(BigInteger v) {
        if (v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0) {
            return v.longValue();
        }
        return v;
    }

    /** {@code LONG1}/{@code LONG4}: little-endian two's complement, zero bytes meaning 0. */
    static Object longFromLittleEndian(byte[] data, int start, int n) {
        if (n == 0) {
            return 0L;
        }
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = data[start + n - 1 - i];
        }
        return normalize(new BigInteger(be));
    }

    /** {@code F<repr>\n}: a Python float literal, including {@code inf} and {@code nan}. */
    static Double parseFloat(byte[] text) throws DataException {
        String s = new String(text, StandardCharsets.ISO_8859_1).trim();
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "inf": case "+inf": case "infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            case "nan": case "+nan": case "-nan": return Double.NaN;
            default: break;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                throw new DataException("corrupt pickle: bad float literal", null);
            }
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new DataException("corrupt pickle: bad float literal", null, e);
        }
    }

    /**
     * {@code S'...'\n}: a Python 2 byte string literal in quotes, with backslash escapes
     * ({@code \\ \' \" \n \t \r \a \b \f \v \xhh \ooo}).
     */
    static Bytes parseQuotedString(byte[] text) throws DataException {
        int n = text.length;
        if (n < 2 || text[0] != text[n - 1] || (text[0] != '\'' && text[0] != '"')) {
            throw new DataException("corrupt pickle: the STRING opcode argument must be quoted", null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        int i = 1;
        int end = n - 1;
        while (i < end) {
            byte b = text[i++];
            if (b != '\\') {
                out.write(b);
                continue;
            }
            if (i >= end) {
                throw new DataException("corrupt pickle: trailing backslash in a STRING literal", null);
            }
            byte e = text[i++];
            switch (e) {
                case '\\': out.write('\\'); break;
                case '\'': out.write('\''); break;
                case '"': out.write('"'); break;
                case 'n': out.write('\n'); break;
                case 't': out.write('\t'); break;
                case 'r': out.write('\r'); break;
                case 'a': out.write(7); break;
                case 'b': out.write(8); break;
                case 'f': out.write(12); break;
                case 'v': out.write(11); break;
                case '\n': break;
                case 'x': {
                    if (i + 2 > end) {
                        throw new DataException("corrupt pickle: bad \\x escape in a STRING literal", null);
                    }
                    out.write(hex(text[i]) << 4 | hex(text[i + 1]));
                    i += 2;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < end && text[i] >= '0' && text[i] <= '7'; k++) {
                            v = v * 8 + (text[i++] - '0');
                        }
                        out.write(v & 0xFF);
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
            }
        }
        return Bytes.of(out.toByteArray());
    }

    /** {@code V...\n}: raw-unicode-escape, i.e. Latin-1 with {@code \\uXXXX}/{@code \\UXXXXXXXX}. */
    static String parseRawUnicodeEscape(byte[] text) throws DataException {
        StringBuilder sb = new StringBuilder(text.length);
        int i = 0;
        while (i < text.length) {
            if (text[i] != '\\') {
                sb.append((char) (text[i++] & 0xFF));
                continue;
            }
            int run = 0;
            while (i < text.length && text[i] == '\\') {
                sb.append('\\');
                run++;
                i++;
            }
            if ((run & 1) == 0 || i >= text.length || (text[i] != 'u' && text[i] != 'U')) {
                continue;
            }
            sb.setLength(sb.length() - 1);
            int digits = text[i] == 'u' ? 4 : 8;
            i++;
            if (i + digits > text.length) {
                throw new DataException("corrupt pickle: truncated \\u escape in a UNICODE literal", null);
            }
            int cp = 0;
            for (int k = 0; k < digits; k++) {
                cp = cp << 4 | hex(text[i++]);
            }
            if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                throw new DataException("corrupt pickle: code point out of range in a UNICODE literal", null);
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static int hex(byte b) throws DataException {
        int v = Character.digit(b, 16);
        if (v < 0) {
            throw new DataException("corrupt pickle: bad hexadecimal digit in an escape", null);
        }
        return v;
    }

    /** Decodes UTF-8, reporting malformed input instead of replacing it. */
    static String strictUtf8(byte[] data, int start, int n) throws DataException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, n)).toString();
        } catch (CharacterCodingException e) {
            throw new DataException("corrupt pickle: unicode string at byte " + start + " is not valid UTF-8", null, e);
        }
    }
}
