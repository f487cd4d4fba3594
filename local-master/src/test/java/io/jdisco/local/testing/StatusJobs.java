package io.jdisco.local.testing;

import io.jdisco.worker.DiscoNames;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The jobs the status page tests show: shell workers that finish with counters, fail with a Java
 * error and its trace, or wait for a file in their job home, so that a test decides when a job ends.
 */
public final class StatusJobs {
    /** Counts 3 lines and 7 words, outputs {@code raw://done}. */
    public static final String FINISHES = TestPacks.shellWorker(
            "send MSG '\"jdisco-counters {\\\"lines\\\":3,\\\"words\\\":7}\"'; reply\n"
            + "send OUTPUT '[0, \"raw://done\", 4]'; reply\nsend DONE '\"\"'");

    /** Fails the same way in every attempt (the job dies after the second). */
    public static final String FAILS = TestPacks.shellWorker(
            "send ERROR '\"java.io.IOException: the input is gone\\n\\tat Map.run(Map.java:12)\"'; reply");

    /** Says it waits, then waits for the file {@code go} in its job home, then finishes. */
    public static final String WAITS = TestPacks.shellWorker(
            "send MSG '\"waiting for go\"'; reply\n"
            + "while [ ! -e go ]; do sleep 0.05; done\n"
            + "send OUTPUT '[0, \"raw://late\", 4]'; reply\nsend DONE '\"\"'");

    private StatusJobs() {
    }

    /** A classic pack running {@code script} over one input; with a reduce stage when {@code reduce}. */
    public static byte[] pack(String prefix, String script, boolean reduce) {
        return TestPacks.scriptPack(TestPacks.classic(prefix, List.of("raw://a"), true, reduce, 1), script);
    }

    /** Lets a {@link #WAITS} job of the master on {@code discoData} finish. */
    public static void release(Path discoData, String job) throws IOException {
        Files.createFile(discoData.resolve("localhost/" + DiscoNames.hexhash(job) + "/" + job + "/go"));
    }

    /** The path of job {@code name}'s page. */
    public static String page(String name) {
        return "/job/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
