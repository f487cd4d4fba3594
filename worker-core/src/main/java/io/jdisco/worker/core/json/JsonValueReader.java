package io.jdisco.worker.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value into plain Java values with Jackson's streaming parser alone. A worker
 * parses a few protocol replies and one jobdict; the object mapper would load and configure a few
 * hundred classes first, which a short task feels, so only {@code jackson-core} is used here.
 *
 * <p>Values: {@code null}, {@code Boolean}, {@code Integer}/{@code Long}/{@code BigInteger} (the
 * smallest that holds the number), {@code Double}, {@code String}, {@code List} and
 * insertion-ordered {@code Map}. A duplicate key and anything after the value are errors.
 */
final class JsonValueReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonValueReader() {
    }

    /** The value of {@code utf8}, which must hold exactly one JSON value. */
    static Object read(byte[] utf8) throws IOException {
        try (JsonParser p = FACTORY.createParser(utf8)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("no JSON value: the input is empty", null);
            }
            Object value = value(p, first);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonSyntaxException("trailing token " + trailing + " after the JSON value at "
                        + p.currentLocation().getCharOffset(), null);
            }
            return value;
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonSyntaxException("unexpected token " + t, null);
        }
    }
}
