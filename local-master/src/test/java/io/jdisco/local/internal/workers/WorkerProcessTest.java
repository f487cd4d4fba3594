package io.jdisco.local.internal.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerProcessTest {
    @Test
    void aWorkersEnvironmentDropsTheDiscoSettingsAndAddsTheJobenvs() {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("PATH", "/bin");
        base.put("DISCO_MASTER", "http://x:8989");
        base.put("DISCO_SETTINGS", "MY_OWN_SETTING");
        base.put("MY_OWN_SETTING", "secret");
        base.put("LD_LIBRARY_PATH", "/usr/lib");
        Map<String, String> env = WorkerProcess.environment(base, Map.of("LD_LIBRARY_PATH", "lib", "JOB_X", "1"));
        assertEquals(Map.of("PATH", "/bin", "LD_LIBRARY_PATH", "lib", "JOB_X", "1"), env);
    }

    @Test
    void killingWithThisJvmsPidAnnouncedKillsOnlyTheWorkerProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        WorkerProcess.kill(sleeper, ProcessHandle.current().pid());
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS), "the worker process died");
        assertTrue(ProcessHandle.current().isAlive());
        assertFalse(sleeper.isAlive());
    }
}
