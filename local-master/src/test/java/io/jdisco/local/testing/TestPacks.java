package io.jdisco.local.testing;

import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.jobhome.JobHomeWriter;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Job packs for the tests: a {@code bin/worker} that runs {@code WorkerMain} in a JVM with this
 * test's class path, job data holding a {@link WordWorker}; or a {@code bin/worker} shell script.
 */
public final class TestPacks {
    private TestPacks() {
    }

    /** The launcher script: this JVM's java and class path, quick-start options, JAVA_TOOL_OPTIONS unset. */
    public static String javaLauncher() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        return "#!/bin/sh\nunset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS\n"
                + "exec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xmx128m -cp '" + cp
                + "' io.jdisco.worker.core.WorkerMain\n";
    }

    /** A job home zip with {@code script} as {@code bin/worker}. */
    public static byte[] home(String script) {
        try {
            return new JobHomeWriter().addExecutable("bin/worker", script.getBytes(StandardCharsets.UTF_8)).toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The common jobdict keys. */
    public static Map<String, Object> dict(String prefix) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("prefix", prefix);
        d.put("owner", "tester@localhost");
        d.put("worker", "bin/worker");
        d.put("scheduler", new LinkedHashMap<>());
        d.put("save_results", false);
        return d;
    }

    /** A classic (v1) jobdict. */
    public static Map<String, Object> classic(String prefix, List<?> input, boolean map, boolean reduce, int nrReduces) {
        Map<String, Object> d = dict(prefix);
        d.put("input", input);
        d.put("map?", map);
        d.put("reduce?", reduce);
        d.put("reduce_shuffle?", false);
        d.put("nr_reduces", nrReduces);
        return d;
    }

    /** A pipeline (v2) jobdict. */
    public static Map<String, Object> pipeline(String prefix, List<List<Object>> stages, List<List<Object>> inputs) {
        Map<String, Object> d = dict(prefix);
        d.put("pipeline", stages);
        d.put("inputs", inputs);
        return d;
    }

    /** A pack running {@link WordWorker} with {@code jobargs}. */
    public static byte[] wordPack(int version, Map<String, Object> jobdict, Map<String, ?> jobargs) {
        return javaPack(version, jobdict, new WordWorker(), jobargs);
    }

    /** A pack running {@code worker} in a JVM with {@code jobargs}. */
    public static byte[] javaPack(int version, Map<String, Object> jobdict, Worker worker, Map<String, ?> jobargs) {
        byte[] data = JobData.encode(worker, Map.of(), jobargs);
        return new JobPack(version, jobdict, Map.of("LD_LIBRARY_PATH", "lib"), home(javaLauncher()), data).encode();
    }

    /** A pack whose worker is the shell {@code script}. */
    public static byte[] scriptPack(Map<String, Object> jobdict, String script) {
        return new JobPack(JobPack.VERSION1, jobdict, Map.of(), home(script), new byte[0]).encode();
    }

    /**
     * A shell worker that says WORKER and TASK properly, then runs {@code body} (sh code; the
     * function {@code send NAME JSON} writes a frame; {@code reply} reads one reply line).
     */
    public static String shellWorker(String body) {
        return "#!/bin/sh\n"
                + "send() { printf '%s %d %s\\n' \"$1\" \"${#2}\" \"$2\" >&2; }\n"
                + "reply() { read -r REPLY_LINE; }\n"
                + "send WORKER \"{\\\"version\\\": \\\"1.1\\\", \\\"pid\\\": $$}\"; reply\n"
                + "send TASK '\"\"'; reply\n"
                + body + "\n";
    }
}
