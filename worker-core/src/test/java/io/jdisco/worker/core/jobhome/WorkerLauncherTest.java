package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated launcher for real, the way the master does: {@code /bin/sh -c "nice -n 19
 * <jobhome>/bin/worker"} with the job home as working directory.
 */
class WorkerLauncherTest {
    private static final String PROBE = "public class LauncherProbe {\n"
            + "  public static void main(String[] a) throws Exception {\n"
            + "    System.out.println(\"args=\" + String.join(\" \", java.lang.management"
            + ".ManagementFactory.getRuntimeMXBean().getInputArguments()));\n"
            + "    System.out.println(\"x=\" + System.getProperty(\"x\"));\n"
            + "    System.out.println(\"lib=\" + Class.forName(\"LibMarker\").getName());\n"
            + "    System.out.println(\"cwd=\" + System.getProperty(\"user.dir\"));\n"
            + "  }\n"
            + "}\n";

    @TempDir
    static Path jobHome;

    @BeforeAll
    static void buildJobHome() throws IOException {
        Path src = Files.createDirectories(jobHome.resolve("src"));
        Files.writeString(src.resolve("LauncherProbe.java"), PROBE);
        Files.writeString(src.resolve("LibMarker.java"), "public class LibMarker {}\n");
        Path libClasses = Files.createDirectories(jobHome.resolve("libclasses"));
        Path classes = Files.createDirectories(jobHome.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", libClasses.toString(),
                src.resolve("LibMarker.java").toString()));
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(),
                "-cp", libClasses.toString(), src.resolve("LauncherProbe.java").toString()));
        Files.createDirectories(jobHome.resolve("lib"));
        try (OutputStream out = Files.newOutputStream(jobHome.resolve("lib/marker.jar"));
                JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("LibMarker.class"));
            jar.write(Files.readAllBytes(libClasses.resolve("LibMarker.class")));
        }
        Path bin = Files.createDirectories(jobHome.resolve("bin"));
        Files.writeString(bin.resolve("worker"), WorkerLauncher.of("LauncherProbe").script());
        Files.setPosixFilePermissions(bin.resolve("worker"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, String out, String err) {
    }

    private static Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private static Run run(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c",
                "nice -n 19 " + jobHome.resolve("bin/worker"));
        pb.directory(jobHome.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.get(), StandardCharsets.UTF_8));
    }

    private static String line(Run run, String key) {
        for (String l : run.out.split("\n")) {
            if (l.startsWith(key + "=")) {
                return l.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + "= line in " + run.out);
    }

    @Test
    void javaOptionVariablesAreAppliedWithoutThePickedUpNotices() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("JAVA_TOOL_OPTIONS", "-Dtool=1");
        env.put("JDK_JAVA_OPTIONS", "-Djdk=2");
        env.put("_JAVA_OPTIONS", "-Dlate=3");
        Run run = run(env);
        assertEquals(0, run.exit, run.err);
        assertEquals("", run.err);
        assertTrue(run.out.startsWith("args="), run.out);
        List<String> args = List.of(line(run, "args").split(" "));
        assertTrue(args.containsAll(List.of("-Dtool=1", "-Djdk=2", "-Dlate=3")), args.toString());
        assertEquals(4, run.out.split("\n").length, "only the probe's own lines: " + run.out);
    }

    @Test
    void workersGetTheSerialCollectorAndASmallInitialHeapByDefault() throws Exception {
        List<String> args = List.of(line(run(baseEnv()), "args").split(" "));
        assertTrue(args.containsAll(List.of("-XX:+UseSerialGC", "-Xms" + WorkerLauncher.INITIAL_HEAP)), args.toString());
    }

    @Test
    void aCollectorChosenInTheOptionsReplacesTheDefaultOne() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("JDISCO_JAVA_OPTS", "-XX:+UseParallelGC");
        Run run = run(env);
        assertEquals(0, run.exit, run.err);
        List<String> args = List.of(line(run, "args").split(" "));
        assertTrue(args.contains("-XX:+UseParallelGC") && !args.contains("-XX:+UseSerialGC"), args.toString());
    }

    @Test
    void aHeapSizedInTheOptionsDropsTheDefaultInitialHeap() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("JAVA_TOOL_OPTIONS", "-Xmx8m");
        Run run = run(env);
        assertEquals(0, run.exit, run.err);
        assertTrue(!line(run, "args").contains("-Xms"), run.out);
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("DISCO_WORKER_MAX_MEM", "8388608");
        run = run(env);
        assertEquals(0, run.exit, run.err);
        assertTrue(!line(run, "args").contains("-Xms"), run.out);
    }

    @Test
    void laterOptionSourcesOverrideEarlierOnes() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("JAVA_TOOL_OPTIONS", "-Dx=tool");
        env.put("JDISCO_JAVA_OPTS", "-Dx=jdisco");
        assertEquals("jdisco", line(run(env), "x"));
        env.put("_JAVA_OPTIONS", "-Dx=late");
        assertEquals("late", line(run(env), "x"));
    }

    @Test
    void jvmWarningsStayOffStdoutAndStderr() throws Exception {
        Map<String, String> env = baseEnv();
        // A deprecated flag (stderr "VM warning") and large pages (a UL warning on stdout).
        env.put("JDISCO_JAVA_OPTS", "-XX:+UseBiasedLocking -XX:+UseLargePages");
        Run run = run(env);
        assertEquals(0, run.exit, run.err);
        assertEquals("", run.err);
        assertEquals(4, run.out.split("\n").length, run.out);
    }

    @Test
    void classPathHoldsLibJarsAndClassesRelativeToTheJobHome() throws Exception {
        Run run = run(baseEnv());
        assertEquals("LibMarker", line(run, "lib"));
        assertEquals(jobHome.toRealPath().toString(), line(run, "cwd"));
    }

    @Test
    void percentMaxMemBecomesMaxRamPercentage() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("DISCO_WORKER_MAX_MEM", "80%");
        assertTrue(line(run(env), "args").contains("-XX:MaxRAMPercentage=80"));
    }

    @Test
    void byteCountMaxMemBecomesXmx() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("DISCO_WORKER_MAX_MEM", "268435456");
        assertTrue(line(run(env), "args").contains("-Xmx268435456"));
    }

    @Test
    void malformedMaxMemFailsNamingTheValue() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("DISCO_WORKER_MAX_MEM", "lots");
        assertRefused(env, "DISCO_WORKER_MAX_MEM='lots'");
    }

    @Test
    void aFlightRecordingStartedByAnOptionFailsNamingItBeforeItReachesStdout() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("JDISCO_JAVA_OPTS", "-Dx=1 -XX:StartFlightRecording=filename=task.jfr");
        assertRefused(env, "-XX:StartFlightRecording", "'profile'");
    }

    /**
     * Runs the launcher with {@code env} and checks that it refused to start the JVM: exit 2,
     * nothing on stdout (the protocol's channel), each of {@code named} in its message on stderr.
     */
    private static void assertRefused(Map<String, String> env, String... named) throws Exception {
        Run run = run(env);
        assertEquals(2, run.exit, run.err);
        assertEquals("", run.out, "nothing on the protocol's channel");
        for (String n : named) {
            assertTrue(run.err.contains(n), n + " in: " + run.err);
        }
    }

    @Test
    void javaHomeWithoutJavaFailsNamingIt() throws Exception {
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", "/nonexistent/jdk");
        Run run = run(env);
        assertEquals(127, run.exit);
        assertTrue(run.err.contains("JAVA_HOME is '/nonexistent/jdk'"), run.err);
    }

    @Test
    void javaFromPathIsUsedWithoutJavaHome() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        Run run = run(env);
        assertEquals(0, run.exit, run.err);
        assertEquals("LibMarker", line(run, "lib"));
    }

    @Test
    void scriptIsPosixShellExecingTheMainClass() {
        String script = WorkerLauncher.of("a.b.Main").script();
        assertTrue(script.startsWith("#!/bin/sh\n"), script);
        assertTrue(script.contains("exec \"$jdisco_java\""), script);
        assertTrue(script.endsWith("-cp 'lib/*:classes' a.b.Main\n"), script);
    }

    @Test
    void mainClassThatIsNotAJavaNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkerLauncher.of("Main; rm -rf /"));
        assertTrue(e.getMessage().contains("'Main; rm -rf /'"), e.getMessage());
    }

    @Test
    void classPathWithShellCharactersIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WorkerLauncher.standard().withClassPath("lib/*:'$(id)'"));
    }

    @Test
    void aClassArchiveIsGivenBeforeTheUsersOptions() {
        String script = WorkerLauncher.of("a.b.Main").withClassArchive("/var/cache/jdisco-1.jsa").script();
        int archive = script.indexOf(" -XX:SharedArchiveFile=/var/cache/jdisco-1.jsa ");
        assertTrue(archive > 0, script);
        assertTrue(archive < script.lastIndexOf("${JDISCO_JAVA_OPTS:-}"), script);
        assertTrue(!WorkerLauncher.of("a.b.Main").script().contains("SharedArchiveFile"));
    }

    @Test
    void aClassArchiveThatIsRelativeOrHasShellCharactersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WorkerLauncher.standard().withClassArchive("a.jsa"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkerLauncher.standard().withClassArchive("/tmp/a b;id.jsa"));
        assertTrue(e.getMessage().contains("'/tmp/a b;id.jsa'"), e.getMessage());
    }
}
