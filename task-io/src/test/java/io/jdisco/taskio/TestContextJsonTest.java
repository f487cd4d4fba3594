package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test context keeps {@code SchemeContext.parseJson}'s contract, as the worker's reader does. */
class TestContextJsonTest {
    private final TestContext context = new TestContext();

    private Object parse(String json) throws DataException {
        return context.parseJson(json.getBytes(StandardCharsets.UTF_8), "tag://t");
    }

    @Test
    void valuesComeAsPlainJavaValuesWithKeysInTheirOrder() throws DataException {
        Object v = parse("{\"z\": [1, 3000000000, 100000000000000000000, 1.5, \"s\", true, null], \"a\": {}}");
        assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) v).keySet()));
        List<?> z = (List<?>) ((Map<?, ?>) v).get("z");
        assertEquals(1, z.get(0));
        assertEquals(3_000_000_000L, z.get(1));
        assertEquals(new BigInteger("100000000000000000000"), z.get(2));
        assertEquals(1.5, z.get(3));
        assertEquals(Arrays.asList("s", true, null), z.subList(4, 7));
    }

    @Test
    void aDuplicateKeyOrTrailingTextIsADataExceptionAboutTheUrl() {
        for (String bad : List.of("{\"a\": 1, \"a\": 2}", "[1] [2]", "{")) {
            DataException e = assertThrows(DataException.class, () -> parse(bad), bad);
            assertTrue(e.getMessage().contains("tag://t") && e.getMessage().contains("not JSON"), e.getMessage());
        }
    }
}
