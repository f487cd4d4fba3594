package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code cli/target/jdisco.jar}, run as a child process: its master
 * ({@code jdisco master}), the README's command, a failing job, every URL scheme (the services
 * files of all six scheme jars survive shading) and the job home it ships.
 */
class PackagedJarIT {
    private static final Path JAR = Path.of(System.getProperty("jdisco.jar"));
    private static final Path ROOT = Path.of(System.getProperty("jdisco.root"));

    @TempDir
    static Path tmp;
    private static Process master;
    private static String masterUrl;
    private static TestHttp http;

    @BeforeAll
    static void startMaster() throws Exception {
        http = new TestHttp();
        master = new ProcessBuilder(java("master", "--data", tmp.resolve("master").toString()))
                .redirectError(tmp.resolve("master.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(master.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = Pattern.compile("jdisco local master at (http://127\\.0\\.0\\.1:\\d+) ").matcher(String.valueOf(first));
        assertTrue(m.find(), "first line of the master: " + first);
        masterUrl = m.group(1);
        String second = out.readLine();
        assertEquals("status pages at " + masterUrl + "/ (jobs) and " + masterUrl + "/job/NAME (a job)", second);
    }

    @AfterAll
    static void stopMaster() throws Exception {
        http.close();
        master.destroy();
        assertTrue(master.waitFor(30, TimeUnit.SECONDS), "the master did not stop on SIGTERM");
    }

    @Test
    void readmeCommandCountsTheWordsOfTheReadme() throws Exception {
        Result r = run("wordcount", "README.md");
        assertEquals(0, r.status, r.err);
        assertArrayEquals(Expected.wordCount(Files.readAllBytes(ROOT.resolve("README.md"))), r.out, r.err);
        assertTrue(r.err.contains("(embedded local master, workers on threads)") && r.err.contains(" done in "), r.err);
    }

    @Test
    void readmeCommandGivesTheSameCountsWithWorkerProcesses() throws Exception {
        Result r = run("wordcount", "--workers", "processes", "--partitions", "2", "README.md");
        assertEquals(0, r.status, r.err);
        assertArrayEquals(Expected.wordCount(Files.readAllBytes(ROOT.resolve("README.md"))), r.out, r.err);
        assertTrue(r.err.contains("(embedded local master, workers on processes)"), r.err);
    }

    @Test
    void failedJobExitsWith1AndPrintsTheMastersText() throws Exception {
        Result r = run("join", "--master", masterUrl, "raw://a\tb", "raw://tabless");
        assertEquals(Main.FAILED, r.status, r.err);
        assertTrue(r.err.contains("FATAL: [map:") && r.err.contains("join input raw://tabless line 1 has no TAB"), r.err);
    }

    @Test
    void everySchemeOpensFromThePackagedJar() throws Exception {
        Path vector = ROOT.resolve("testdata/vectors/internal_py2_default.bin");
        assertEquals("[\"apple\",1]", firstLine(run("cat", "file://" + vector)));
        assertEquals("\"raw data\"", firstLine(run("cat", "--reader", "lines", "raw://raw data")));
        assertEquals("\"served\"", firstLine(run("cat", "--reader", "lines",
                http.serve("/served.txt", "served\n".getBytes(StandardCharsets.UTF_8)))));

        Result wc = run("wordcount", "--master", masterUrl, "raw://counted");
        assertEquals(0, wc.status, wc.err);
        Matcher job = Pattern.compile("job (\\S+) on ").matcher(wc.err);
        assertTrue(job.find(), wc.err);
        String dir = firstLine(run("results", "--master", masterUrl, job.group(1)));
        assertTrue(dir.startsWith("dir://"), dir);
        assertEquals("[\"counted\",1]", firstLine(run("cat", "--master", masterUrl, dir)));
        String index = get(masterUrl + dir.substring(dir.indexOf("/disco/")));
        String disco = index.lines().findFirst().orElseThrow().split(" ")[1];
        assertTrue(disco.startsWith("disco://"), index);
        assertEquals("[\"counted\",1]", firstLine(run("cat", "--master", masterUrl, disco)));

        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(masterUrl + "/ddfs/tag/examples-it"))
                .PUT(HttpRequest.BodyPublishers.ofString("[[\"raw://tagged\"]]")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals("\"tagged\"", firstLine(run("cat", "--master", masterUrl, "--reader", "lines", "tag://examples-it")));
    }

    @Test
    void jobHomeShipsTheShadedJarAsItsOnlyRuntimeJar() throws Exception {
        Result r = run("grep", "--master", masterUrl, "x", "raw://x");
        assertEquals(0, r.status, r.err);
        List<Path> libs;
        try (Stream<Path> files = Files.walk(tmp.resolve("master"))) {
            libs = files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("lib")
                    && p.toString().contains("/Grep@")).toList();
        }
        assertEquals(List.of("jdisco.jar"), libs.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(Files.size(JAR), Files.size(libs.get(0)));
    }

    private static String firstLine(Result r) {
        assertEquals(0, r.status, r.err);
        return new String(r.out, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Runs the jar in the repository root with {@code args}; no DISCO_MASTER in its environment. */
    private static Result run(String... args) throws IOException, InterruptedException {
        return run(java(args), Map.of());
    }

    /** Runs {@code command} in the repository root with {@code env} added and DISCO_MASTER removed. */
    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".bin");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("DISCO_MASTER");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
    }

    @Test
    void theLauncherMakesItsClassArchiveOnceAndThenStartsFromIt() throws Exception {
        Path cds = Files.createDirectories(tmp.resolve("cds"));
        Map<String, String> env = Map.of("JDISCO_JAR", JAR.toString(), "JDISCO_CDS_DIR", cds.toString(),
                "JAVA_HOME", System.getProperty("java.home"));
        List<String> launcher = List.of(ROOT.resolve("bin/jdisco").toString(), "wordcount", "README.md");
        byte[] expected = Expected.wordCount(Files.readAllBytes(ROOT.resolve("README.md")));

        Result first = run(launcher, env);
        assertEquals(0, first.status, first.err);
        assertArrayEquals(expected, first.out, first.err);
        List<Path> archives;
        try (Stream<Path> files = Files.list(cds)) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), "one archive and no temporary file left: " + archives);
        assertTrue(archives.get(0).getFileName().toString().matches("jdisco-client-\\d+\\.jsa"), archives.toString());

        // -Xshare:on: the JVM refuses to start unless it maps the archive
        Map<String, String> strict = new java.util.HashMap<>(env);
        strict.put("JDISCO_CLIENT_JAVA_OPTS", "-Xshare:on");
        Result second = run(launcher, strict);
        assertEquals(0, second.status, second.err);
        assertArrayEquals(expected, second.out, second.err);
        assertTrue(!second.err.contains("warning"), second.err);
    }

    @Test
    void workerProcessesOfTheEmbeddedMasterMapTheLaunchersClassArchive() throws Exception {
        Path cds = Files.createDirectories(tmp.resolve("cds-workers"));
        Path logs = Files.createDirectories(tmp.resolve("worker-class-loads"));
        Map<String, String> env = Map.of("JDISCO_JAR", JAR.toString(), "JDISCO_CDS_DIR", cds.toString(),
                "JAVA_HOME", System.getProperty("java.home"),
                "JDISCO_JAVA_OPTS", "-Xlog:class+load=info:file=" + logs + "/worker-%p.txt");
        Result job = run(List.of(ROOT.resolve("bin/jdisco").toString(), "wordcount", "--workers", "processes",
                "README.md"), env);
        assertEquals(0, job.status, job.err);
        assertArrayEquals(Expected.wordCount(Files.readAllBytes(ROOT.resolve("README.md"))), job.out, job.err);
        List<Path> workerLogs;
        try (Stream<Path> files = Files.list(logs)) {
            workerLogs = files.toList();
        }
        assertTrue(!workerLogs.isEmpty(), "no worker wrote a class-load log");
        for (Path log : workerLogs) {
            assertTrue(Files.readString(log).contains("io.jdisco.worker.classic.ClassicWorker source: shared objects file"),
                    log + " loaded the worker's classes from the jar");
        }
    }

    @Test
    void theClassArchiveHoldsAJobsClassesEvenWhenTheFirstCommandWasHelp() throws Exception {
        Path cds = Files.createDirectories(tmp.resolve("cds-help-first"));
        Map<String, String> env = Map.of("JDISCO_JAR", JAR.toString(), "JDISCO_CDS_DIR", cds.toString(),
                "JAVA_HOME", System.getProperty("java.home"));
        Result help = run(List.of(ROOT.resolve("bin/jdisco").toString(), "--help"), env);
        assertEquals(0, help.status, help.err);

        Path loads = tmp.resolve("class-loads.txt");
        Map<String, String> logged = new java.util.HashMap<>(env);
        logged.put("JDISCO_CLIENT_JAVA_OPTS", "-Xlog:class+load=info:file=" + loads);
        Result job = run(List.of(ROOT.resolve("bin/jdisco").toString(), "wordcount", "README.md"), logged);
        assertEquals(0, job.status, job.err);
        assertArrayEquals(Expected.wordCount(Files.readAllBytes(ROOT.resolve("README.md"))), job.out, job.err);
        List<String> fromJar = Files.readAllLines(loads).stream()
                .filter(line -> line.contains(" io.jdisco.") && !line.contains("$$Lambda"))
                .filter(line -> !line.contains("source: shared objects file")).toList();
        assertTrue(fromJar.size() <= 5, "jdisco classes not in the archive: " + fromJar);
        assertTrue(Files.readString(loads).contains("io.jdisco.local.LocalMaster source: shared objects file"),
                "the embedded master's classes come from the archive");
    }

    @Test
    void aSchemeJarGivenWithClasspathOrInThePluginsFolderServesItsUrlsToEveryWorkerMode() throws Exception {
        Path plugin = schemeJar(Files.createDirectories(tmp.resolve("plugin-build")));
        byte[] expected = "bye\t2\nhello\t3\n".getBytes(StandardCharsets.UTF_8);
        for (String workers : List.of("threads", "reused", "processes")) {
            Result r = run("wordcount", "--classpath", plugin.toString(), "--workers", workers, "myscheme://3/hello",
                    "myscheme://2/bye");
            assertEquals(0, r.status, workers + ": " + r.err);
            assertArrayEquals(expected, r.out, workers + ": " + r.err);
        }
        Result without = run("wordcount", "--workers", "threads", "myscheme://3/hello");
        assertEquals(1, without.status, without.err);
        assertTrue(without.err.contains("no scheme handler for 'myscheme'"), without.err);

        // the plugins/ folder beside the jar, through the launcher
        Path app = Files.createDirectories(tmp.resolve("app"));
        Path jar = Files.copy(JAR, app.resolve("jdisco.jar"));
        Files.copy(plugin, Files.createDirectories(app.resolve("plugins")).resolve("myscheme.jar"));
        Result folder = run(List.of(ROOT.resolve("bin/jdisco").toString(), "wordcount", "myscheme://3/hello",
                "myscheme://2/bye"), Map.of("JDISCO_JAR", jar.toString(), "JDISCO_CDS", "0",
                "JAVA_HOME", System.getProperty("java.home")));
        assertEquals(0, folder.status, folder.err);
        assertArrayEquals(expected, folder.out, folder.err);

        // $JDISCO_CLASSPATH, and a job on a master of its own, to which the job home carries the jar
        Result variable = run(java("wordcount", "--master", masterUrl, "myscheme://3/hello", "myscheme://2/bye"),
                Map.of("JDISCO_CLASSPATH", plugin.getParent() + "/*"));
        assertEquals(0, variable.status, variable.err);
        assertArrayEquals(expected, variable.out, variable.err);
    }

    /**
     * A jar with a scheme provider for {@code myscheme://N/word} (the word on N lines), compiled
     * here against the packaged jar.
     */
    private static Path schemeJar(Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/test/myscheme")).resolve("MySchemeProvider.java");
        Files.writeString(source, String.join("\n",
                "package test.myscheme;",
                "public final class MySchemeProvider implements io.jdisco.worker.spi.SchemeProvider {",
                "    public MySchemeProvider() {",
                "    }",
                "    @Override",
                "    public java.util.Set<String> schemes() {",
                "        return java.util.Set.of(\"myscheme\");",
                "    }",
                "    @Override",
                "    public io.jdisco.worker.io.InputLink open(String url, io.jdisco.worker.spi.SchemeContext context) {",
                "        String[] p = url.substring(\"myscheme://\".length()).split(\"/\", 2);",
                "        byte[] data = (p[1] + \"\\n\").repeat(Integer.parseInt(p[0]))",
                "                .getBytes(java.nio.charset.StandardCharsets.UTF_8);",
                "        return new io.jdisco.worker.io.InputLink(new java.io.ByteArrayInputStream(data), data.length, url);",
                "    }",
                "}", ""));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-cp", JAR.toString(), "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
        Path jar = dir.resolve("myscheme.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/io.jdisco.worker.spi.SchemeProvider"));
            out.write("test.myscheme.MySchemeProvider\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.jar.JarEntry("test/myscheme/MySchemeProvider.class"));
            out.write(Files.readAllBytes(classes.resolve("test/myscheme/MySchemeProvider.class")));
        }
        return jar;
    }

    @Test
    void aMasterOnAPortInUseExits1AndLeavesNoDataFoldersBehind() throws Exception {
        Path temp = Files.createDirectories(tmp.resolve("java-tmp"));
        String port = Integer.toString(URI.create(masterUrl).getPort());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp, "-jar", JAR.toString(), "master", "--port", port));
        Result r = run(command, Map.of());
        assertEquals(1, r.status, r.err);
        assertTrue(r.err.contains("Address already in use"), r.err);
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void anInterruptedCommandSaysItsEmbeddedMasterStoppedAndItsJobWasKilled() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3_000_000; i++) {
            lines.append(i).append('\n');
        }
        Path big = Files.writeString(tmp.resolve("interrupted.txt"), lines);
        Path err = tmp.resolve("interrupted.err");
        Process p = new ProcessBuilder(java("wordcount", "--workers", "processes", big.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        Await.until(() -> Await.textOf(err).contains("map 0/1"), Duration.ofSeconds(60), "the job's map starts");
        p.destroy(); // SIGTERM, as Ctrl-C: the shutdown hooks run
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not stop");
        String text = Files.readString(err);
        assertTrue(text.contains("jdisco: interrupted: the embedded master stops, killing its jobs and deleting their data"),
                text);
    }

    /** Exit status and output of one run of the jar. */
    private record Result(int status, byte[] out, String err) {
    }
}
