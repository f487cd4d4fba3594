package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that a job home is complete: a function using a helper jar that is not on this
 * JVM's class path is analysed, its job home written to a directory, and a child JVM started
 * with only that job home's class path ({@code classes} and {@code lib/*}, as the launcher does)
 * deserializes and calls it.
 */
class ShippedJobEndToEndTest {
    private final Fixtures fx = Fixtures.get();

    @TempDir
    Path temp;

    private record Child(int exit, String out, String err) {
    }

    @Test
    void childJvmWithOnlyTheJobHomeRunsTheFunction() throws Exception {
        Object function = fx.call("fx.fn.Jobs", "viaJar", "?");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("fx.lib.Greeter"),
                "the helper jar must not be on the test class path");

        Child child = run(jobHome(function, List.of()));

        assertEquals(0, child.exit(), child.err());
        assertEquals("[HELLO WORLD]?", child.out().strip());
    }

    @Test
    void childJvmFailsWhenTheHelperJarIsLeftOut() throws Exception {
        Object function = fx.call("fx.fn.Jobs", "viaJar", "?");

        Child child = run(jobHome(function, List.of("fx.lib")));

        assertNotEquals(0, child.exit());
        assertTrue(child.err().contains("fx/lib/Greeter"), child.err());
    }

    /** Writes a job home for {@code function} (plus the runner standing in for the worker). */
    private Path jobHome(Object function, List<String> exclude) throws IOException {
        ModUtil modutil = ModUtil.standard();
        RequiredModules modules = RequiredModules.from(List.of(
                modutil.findModules(Map.of("map", function), true, true, exclude),
                modutil.locateModules(List.of("fx.runner.RunFunction"), fx.loader, true, false)));
        Shipment plan = Shipment.plan(modules,
                RequiredFiles.ofContents(Map.of("function.ser", serialize(function))),
                List.of("bin/worker"));
        Path home = temp.resolve("jobhome");
        plan.writeTo(JobHomeSink.toDirectory(home));
        return home;
    }

    private static byte[] serialize(Object function) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(function);
        }
        return bytes.toByteArray();
    }

    private static Child run(Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", "classes" + File.pathSeparator + "lib/*",
                "fx.runner.RunFunction", "function.ser", "world")
                .directory(home.toFile())
                .redirectOutput(home.resolve("stdout.txt").toFile())
                .redirectError(home.resolve("stderr.txt").toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish within 60 s");
        }
        return new Child(process.exitValue(),
                Files.readString(home.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }
}
