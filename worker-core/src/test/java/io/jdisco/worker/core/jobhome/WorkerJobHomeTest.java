package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.jobhome.LineCountWorker;
import io.jdisco.worker.Tuple;
import java.nio.file.Path;
import io.jdisco.worker.core.jobpack.InvalidJobPackException;
import io.jdisco.worker.core.jobpack.JobPack;
import io.jdisco.worker.core.jobpack.JobPacker;
import io.jdisco.worker.core.testing.ScriptWorker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerJobHomeTest {
    private static List<String> entries(LineCountWorker w) throws Exception {
        return w.jobzip(Map.of(), Map.of()).entryNames();
    }

    @Test
    void carriesLauncherRuntimeAndTheJobsOwnClasses() throws Exception {
        List<String> names = entries(new LineCountWorker());
        assertTrue(names.contains("bin/worker"), names.toString());
        assertTrue(names.contains("classes/com/example/jobhome/LineCountWorker.class"), names.toString());
        assertTrue(names.contains("classes/com/example/jobhome/Shouter.class"), "the helper the worker calls");
        assertTrue(names.stream().anyMatch(n -> n.matches("lib/worker-core.*\\.jar")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.matches("lib/worker-api.*\\.jar")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.matches("lib/jackson-core.*\\.jar")), "the JSON parser a worker needs: " + names);
    }

    @Test
    void localRuntimeFromClassDirectoriesIsShippedAfterAll() throws Exception {
        // a Maven test run: worker-core's runtime is target/classes, which no launcher can name as a jar
        LineCountWorker w = new LineCountWorker();
        List<String> names = w.jobzip(Map.of(WorkerJobHome.RUNTIME_SETTING, "local"), Map.of()).entryNames();
        assertTrue(names.stream().anyMatch(n -> n.matches("lib/worker-core.*\\.jar")), names.toString());
    }

    @Test
    void unknownRuntimeSettingIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LineCountWorker().jobzip(Map.of(WorkerJobHome.RUNTIME_SETTING, "remote"), Map.of()));
        assertTrue(e.getMessage().contains("jdisco_runtime") && e.getMessage().contains("remote"), e.getMessage());
    }

    @Test
    void doesNotShipTheJdiscoRuntimeAsClassFiles() throws Exception {
        assertFalse(entries(new LineCountWorker()).stream().anyMatch(n -> n.startsWith("classes/io/jdisco/")));
    }

    @Test
    void requiredFilesByContentLandAtTheirNames() throws Exception {
        LineCountWorker w = new LineCountWorker();
        w.put("required_files", Map.of("conf/stopwords.txt", "the\na\n"));
        JobHomeWriter home = w.jobzip(Map.of(), Map.of());
        assertTrue(home.entryNames().contains("conf/stopwords.txt"), home.entryNames().toString());
    }

    @Test
    void explicitRequiredModulesReplaceTheSearch() throws Exception {
        LineCountWorker w = new LineCountWorker();
        w.put("required_modules", List.of("java.util.List"));
        List<String> names = w.jobzip(Map.of(), Map.of()).entryNames();
        assertFalse(names.stream().anyMatch(n -> n.startsWith("classes/")), names.toString());
    }

    @Test
    void requiredModuleGivenWithItsLocationIsShipped() throws Exception {
        LineCountWorker w = new LineCountWorker();
        Path classes = Path.of(LineCountWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        w.put("required_modules", List.of(Tuple.pair("com.example.jobhome.Shouter", classes.toString())));
        List<String> names = w.jobzip(Map.of(), Map.of()).entryNames();
        assertTrue(names.contains("classes/com/example/jobhome/Shouter.class"), names.toString());
        assertFalse(names.contains("classes/com/example/jobhome/LineCountWorker.class"), names.toString());
    }

    @Test
    void jobpackHoldsTheJobHomeAndValidates() throws Exception {
        LineCountWorker w = new LineCountWorker();
        w.put("input", List.of("raw://a"));
        JobPack pack = JobPacker.pack(w, Map.of(), Map.of());
        assertEquals(JobPack.VERSION1, pack.version());
        assertEquals("bin/worker", pack.jobdict().get("worker"));
        assertTrue(new String(pack.jobhome(), StandardCharsets.ISO_8859_1).contains("bin/worker"));
        assertEquals(List.of("raw://a"), pack.jobdict().get("input"));
    }

    @Test
    void jobpackMissingAKeyTheMasterNeedsIsRefusedBeforeSubmission() {
        ScriptWorker w = new ScriptWorker();
        w.put("prefix", "Script");
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class,
                () -> JobPacker.pack(w, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("missing key 'input'"), e.getMessage());
    }
}
