package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sort keeps memory bounded: a reduce over 4 times the heap completes in a 32 MiB JVM. */
class ExternalSortMemoryTest {
    @TempDir
    Path dir;

    @Test
    void sortedReduceOverFourTimesTheHeapCompletesInASmallJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), BigSortMain.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(() -> new AssertionError(out));
        Map<String, String> r = new HashMap<>();
        for (String kv : line.substring(7).split(" ")) {
            String[] f = kv.split("=", 2);
            r.put(f[0], f[1]);
        }
        long heap = Long.parseLong(r.get("heap"));
        assertTrue(heap <= 40L << 20, "child heap " + heap);
        assertTrue(Long.parseLong(r.get("input")) >= 4 * heap, line);
        assertEquals(r.get("expected"), r.get("count") + "/" + r.get("sum"), line);
        assertEquals("true", r.get("sorted"), line);
    }
}
