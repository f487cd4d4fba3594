package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a running Disco master, real (Disco 0.5.4) or {@code jdisco master}, named
 * by {@code DISCO_MASTER}: our word count runs on it, Disco's Python client reads our results, and
 * our {@code cat} reads a Python job's results. Run only by {@code mvn verify -Pinterop} (the name
 * matches neither surefire's nor failsafe's default patterns); CI has no Disco. The Python parts
 * need Python 2.7 with Disco's client: {@code PY2} names the interpreter and {@code DISCO_HOME}
 * Disco's tree (its {@code lib} goes on {@code PYTHONPATH}); without {@code PY2} they are skipped.
 * The master's node needs {@code java} on its PATH for our job, and {@code python} = Python 2.7
 * for the Python job.
 */
class DiscoMasterInterop {
    private static final Path JAR = Path.of(System.getProperty("jdisco.jar", "target/jdisco.jar"));
    private static final String TEXT = "the quick brown fox\njumps over the lazy dog\nthe end\n";

    @TempDir
    static Path tmp;
    private static String master;

    @BeforeAll
    static void master() {
        master = System.getenv("DISCO_MASTER");
        if (master == null || master.isBlank()) {
            fail("set DISCO_MASTER to the master to test (e.g. http://localhost:8989, a Disco 0.5.4 master or "
                    + "`jdisco master --port 8989`); see README.md, \"Interoperability with Disco\"");
        }
        assertTrue(Files.isRegularFile(JAR), "no packaged jar " + JAR + ": run mvn verify -Pinterop");
    }

    @Test
    void ourWordCountRunsOnTheMaster() throws Exception {
        Path input = Files.writeString(tmp.resolve("words.txt"), TEXT);
        Result r = run(java("wordcount", "--master", master, "--partitions", "2", input.toString()), Map.of());
        assertEquals(0, r.status, r.err);
        assertArrayEquals(Expected.wordCount(TEXT.getBytes(StandardCharsets.UTF_8)), r.out, r.err);
    }

    @Test
    void pythonReadsOurResults() throws Exception {
        String py = python();
        Path input = Files.writeString(tmp.resolve("words2.txt"), TEXT);
        Result wc = run(java("wordcount", "--master", master, input.toString()), Map.of());
        assertEquals(0, wc.status, wc.err);
        Matcher job = Pattern.compile("job (\\S+) on ").matcher(wc.err);
        assertTrue(job.find(), wc.err);
        Result results = run(java("results", "--master", master, job.group(1)), Map.of());
        assertEquals(0, results.status, results.err);
        List<String> command = new ArrayList<>(List.of(py, "-c", String.join("\n",
                "import sys",
                "from disco.core import result_iterator",
                "for k, v in sorted(result_iterator(sys.argv[1:])):",
                "    sys.stdout.write('%s\\t%d\\n' % (k, v))")));
        command.addAll(text(results).lines().toList());
        Result read = run(command, pythonEnv());
        assertEquals(0, read.status, read.err);
        assertEquals(text(wc), text(read));
    }

    @Test
    void ourCatReadsAPythonJobsResults() throws Exception {
        String py = python();
        Files.writeString(tmp.resolve("interop_count.py"), String.join("\n",
                "from disco.job import Job",
                "from disco.util import kvgroup",
                "class Count(Job):",
                "    @staticmethod",
                "    def map(line, params):",
                "        for word in line.split(','):",
                "            yield word, 1",
                "    @staticmethod",
                "    def reduce(iter, params):",
                "        for word, counts in kvgroup(sorted(iter)):",
                "            yield word, sum(counts)",
                ""));
        Files.writeString(tmp.resolve("interop_run.py"), String.join("\n",
                "import sys",
                "from interop_count import Count",
                "job = Count().run(input=['raw://' + ','.join(line.split()) for line in sys.argv[1:]])",
                "for url in job.wait():",
                "    print(url if isinstance(url, basestring) else url[0])",
                ""));
        // raw:// inputs without spaces: a master's index files separate their fields with spaces
        List<String> command = new ArrayList<>(List.of(py, "interop_run.py"));
        command.addAll(TEXT.lines().toList());
        Result job = run(command, pythonEnv());
        assertEquals(0, job.status, job.err);
        List<String> cat = java("cat", "--master", master);
        cat.addAll(text(job).lines().toList());
        Result read = run(cat, Map.of());
        assertEquals(0, read.status, read.err);
        Map<String, Long> counts = new TreeMap<>();
        for (String line : text(read).lines().toList()) {
            Matcher m = Pattern.compile("\\[\"(.*)\",(\\d+)]").matcher(line);
            assertTrue(m.matches(), line);
            counts.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
        }
        Map<String, Long> expected = new TreeMap<>();
        for (String w : TEXT.split("\\s+")) {
            expected.merge(w, 1L, Long::sum);
        }
        assertEquals(expected, counts);
    }

    /** The Python 2.7 interpreter of {@code PY2}; the test is skipped without one. */
    private static String python() {
        String py = System.getenv("PY2");
        assumeTrue(py != null && !py.isBlank() && Files.isExecutable(Path.of(py)),
                "PY2 (Python 2.7 with Disco's client) is not set: the Python parts are skipped");
        return py;
    }

    private static Map<String, String> pythonEnv() {
        String home = System.getenv("DISCO_HOME");
        if (home == null) {
            return Map.of("DISCO_MASTER", master);
        }
        String path = System.getenv("PYTHONPATH");
        return Map.of("DISCO_MASTER", master, "PYTHONPATH",
                Path.of(home, "lib") + (path == null || path.isEmpty() ? "" : ":" + path));
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private static String text(Result r) {
        return new String(r.out, StandardCharsets.UTF_8);
    }

    /** Runs {@code command} in the temporary directory with {@code env} added. */
    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".bin");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 300 s");
        }
        return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
    }

    /** Exit status and output of one command. */
    private record Result(int status, byte[] out, String err) {
    }
}
