package io.jdisco.schemes.tag.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void readsEveryKindOfValue() throws Exception {
        Object v = JsonReader.parse(" {\"a\": [1, -2.5e1, true, false, null], \"s\": \"x\\u00e9\\n\\\"\", \"o\": {}} ");
        assertEquals(Map.of("a", Arrays.asList(1L, -25.0, true, false, null), "s", "x\u00e9\n\"", "o", Map.of()), v);
    }

    @Test
    void malformedTextGivesTheOffset() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "01", "\"\\x\"", "[1] x", "tru", "\"a\nb\"")) {
            JsonReader.JsonException e = assertThrows(JsonReader.JsonException.class, () -> JsonReader.parse(bad), bad);
            assertTrue(e.getMessage().contains("at offset"), e.getMessage());
        }
    }
}
