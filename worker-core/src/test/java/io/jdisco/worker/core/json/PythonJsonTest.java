package io.jdisco.worker.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text Python 2's {@code json.dumps} would write, for each kind of value. */
class PythonJsonTest {
    private final PythonJson dumps = PythonJson.dumps();

    @Test
    void nestedValuesUsePythonSeparatorsInKeyOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, 2L, BigInteger.TEN.pow(20)));
        m.put("a", Map.of());
        m.put("c", Arrays.asList(true, false, null));
        assertEquals("{\"b\": [1, 2, 100000000000000000000], \"a\": {}, \"c\": [true, false, null]}", dumps.write(m));
    }

    @Test
    void stringsEscapeControlAndNonAsciiCharacters() {
        assertEquals("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007f\\u00f6\\ud83d\\ude00/\"",
                dumps.write("\"\\\n\r\t\b\f\u0001\u007f\u00f6\ud83d\ude00/"));
    }

    @Test
    void floatsUsePythonRepr() {
        assertEquals("[1.0, 0.1, 1e+16, 1e-05, 0.0001, -2.5, 1234567890123456.0]",
                dumps.write(List.of(1.0, 0.1, 1e16, 1e-5, 1e-4, -2.5, 1234567890123456.0)));
    }

    @Test
    void compactFormUsesNoSpaces() {
        assertEquals("[\"ok\",{\"a\":1}]", PythonJson.compact().write(List.of("ok", Map.of("a", 1))));
    }

    @Test
    void unsupportedValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dumps.write(new Object()));
        assertEquals(true, e.getMessage().startsWith("no JSON form for a java.lang.Object"));
    }

    @Test
    void parseKeepsKeyOrderAndRejectsTrailingText() throws Exception {
        Object v = PythonJson.parse("{\"z\": 1, \"a\": [2]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) v).keySet()));
        assertThrows(JsonSyntaxException.class, () -> PythonJson.parse("1 2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parseGivesTheSmallestIntegerTypeAndDoubles() throws Exception {
        Object v = PythonJson.parse("[1, 5000000000, 123456789012345678901234567890, 1.5, true, null, \"s\"]"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.Arrays.asList(1, 5000000000L, new java.math.BigInteger("123456789012345678901234567890"),
                1.5, true, null, "s"), v);
        assertEquals(Integer.class, ((List<?>) v).get(0).getClass());
    }

    @Test
    void parseRejectsDuplicateKeysEmptyInputAndBadSyntax() {
        assertThrows(JsonSyntaxException.class, () -> PythonJson.parse("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(JsonSyntaxException.class, () -> PythonJson.parse(new byte[0]));
        assertThrows(JsonSyntaxException.class, () -> PythonJson.parse("[1,".getBytes(StandardCharsets.UTF_8)));
        assertThrows(JsonSyntaxException.class, () -> PythonJson.parse("{\"a\" 1}".getBytes(StandardCharsets.UTF_8)));
    }
}
