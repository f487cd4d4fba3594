package io.jdisco.worker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.testing.ScriptWorker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter resolution and the client-side jobdict and jobenvs of the base worker. */
class WorkerTest {
    @Test
    void getItemPrefersJobargsThenJobThenWorkerThenDefault() {
        ScriptWorker w = new ScriptWorker();
        w.put("k", "worker");
        assertEquals("args", w.getItem("k", Map.of("k", "job"), Map.of("k", "args"), "dflt"));
        assertEquals("job", w.getItem("k", Map.of("k", "job"), Map.of(), "dflt"));
        assertEquals("worker", w.getItem("k", Map.of(), Map.of(), "dflt"));
        assertEquals("dflt", w.getItem("other", Map.of(), Map.of(), "dflt"));
    }

    @Test
    void jobdictHasTheBaseKeysInOrderWithDefaults() {
        Map<String, Object> d = new ScriptWorker().jobdict(Map.of("name", "WordCount"), Map.of("save_results", true));
        assertEquals(List.of("worker", "prefix", "save_results", "save_info", "scheduler", "owner"),
                List.copyOf(d.keySet()));
        assertEquals("bin/worker", d.get("worker"));
        assertEquals("WordCount", d.get("prefix"));
        assertEquals(true, d.get("save_results"));
        assertEquals("ddfs", d.get("save_info"));
        assertEquals(Map.of(), d.get("scheduler"));
        assertTrue(((String) d.get("owner")).startsWith(System.getProperty("user.name") + "@"));
    }

    @Test
    void jobdictWithoutPrefixIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScriptWorker().jobdict(Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("'prefix' (or 'name')"), e.getMessage());
    }

    @Test
    void jobenvsAddTheJobenvsParameter() {
        ScriptWorker w = new ScriptWorker();
        w.put("jobenvs", Map.of("JDISCO_JAVA_OPTS", "-Xmx1g"));
        assertEquals(Map.of("LD_LIBRARY_PATH", "lib", "JDISCO_JAVA_OPTS", "-Xmx1g"), w.jobenvs(Map.of(), Map.of()));
    }

    @Test
    void inputOutsideATaskIsRefused() {
        Task t = Task.builder().master("m").ddfsData("/d").discoData("/d").stage("map").grouping("split")
                .group(0, "h").jobfile("/tmp/x/jobfile").jobname("J").host("h").build();
        assertThrows(IllegalStateException.class, () -> new ScriptWorker().input(t, false));
    }
}
