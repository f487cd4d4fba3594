package io.jdisco.worker.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.taskio.BasicChainContext;
import io.jdisco.worker.spi.SchemeContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicSchemeContextTest {
    private final Schemes schemes = Schemes.of();

    @Test
    void explicitSettingWinsOverSystemPropertyAndEnvironment() {
        System.setProperty("jdisco.test.setting", "property");
        try {
            BasicSchemeContext c = BasicSchemeContext.builder(schemes).setting("jdisco.test.setting", "explicit")
                    .environment(Map.of("jdisco.test.setting", "env")).build();
            assertEquals(Optional.of("explicit"), c.setting("jdisco.test.setting"));
        } finally {
            System.clearProperty("jdisco.test.setting");
        }
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        System.setProperty("jdisco.test.setting", "property");
        try {
            BasicSchemeContext c = BasicSchemeContext.builder(schemes)
                    .environment(Map.of("jdisco.test.setting", "env")).build();
            assertEquals(Optional.of("property"), c.setting("jdisco.test.setting"));
        } finally {
            System.clearProperty("jdisco.test.setting");
        }
    }

    @Test
    void environmentIsTheLastResort() {
        BasicSchemeContext c = BasicSchemeContext.builder(schemes).environment(Map.of("DISCO_PORT", "9000")).build();
        assertEquals(Optional.of("9000"), c.setting("DISCO_PORT"));
        assertEquals(Optional.empty(), c.setting("DISCO_NOT_SET_ANYWHERE"));
    }

    @Test
    void masterComesFromTheTaskWhenPresent() {
        Task task = Task.builder().master("http://m:8989").ddfsData("/d").discoData("/x").stage("map")
                .grouping("split").group(0, "h").jobfile("/x/j/jobfile").jobname("J@1").host("h").build();
        BasicSchemeContext c = BasicSchemeContext.builder(schemes).setting("DISCO_MASTER", "http://other:1")
                .build().withTask(task);
        assertEquals("http://m:8989", c.master());
    }

    @Test
    void masterWithoutTaskOrSettingIsAnError() {
        BasicSchemeContext c = BasicSchemeContext.builder(schemes).systemProperties(false)
                .environment(Map.of()).build();
        assertThrows(IllegalStateException.class, c::master);
    }

    @Test
    void jsonDocumentsParseToPlainValuesInEveryContext() throws Exception {
        byte[] doc = "{\"urls\": [[\"disco://n/a\", \"disco://m/a\"]], \"v\": [1, -2.5e1, true, null], \"s\": \"\\u00e9\"}"
                .getBytes(StandardCharsets.UTF_8);
        Object expected = Map.of("urls", List.of(List.of("disco://n/a", "disco://m/a")),
                "v", Arrays.asList(1, -25.0, true, null), "s", "\u00e9");
        for (SchemeContext c : contexts()) {
            assertEquals(expected, c.parseJson(doc, "tag://t"), c.toString());
        }
    }

    @Test
    void malformedJsonIsADataExceptionNamingTheUrl() {
        for (SchemeContext c : contexts()) {
            for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "01", "\"\\x\"", "[1] x", "tru",
                    "{\"a\": 1, \"a\": 2}")) {
                DataException e = assertThrows(DataException.class,
                        () -> c.parseJson(bad.getBytes(StandardCharsets.UTF_8), "tag://bad"), bad);
                assertEquals("tag://bad", e.url());
                assertTrue(e.detail().startsWith("not JSON: "), e.detail());
            }
        }
    }

    private List<SchemeContext> contexts() {
        return List.of(BasicSchemeContext.of(schemes),
                BasicChainContext.outsideTask(new Params(), schemes, Map.of(), text -> { }));
    }
}
