package io.jdisco.local.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project that depends on {@code jdisco-local} alone (with the BOM) gets everything a job
 * needs: the README's example, copied from {@code examples} into a package of the user's, compiles
 * against this module's class path (its dependencies and nothing else of ours) and runs there, in a
 * JVM of its own, counting the words of a file on an embedded local master with worker processes.
 */
class ConsumerProjectTest {
    @TempDir
    Path tmp;

    /** This module's class path without the test engine and this test's own classes. */
    private static String dependencyClassPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!name.startsWith("junit-") && !name.startsWith("opentest4j") && !name.startsWith("apiguardian")
                    && !entry.contains("surefire") && !entry.endsWith("test-classes")) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    @Test
    void theReadmeExampleCompilesAndRunsWithOnlyThisDependency() throws Exception {
        Path root = Path.of(System.getProperty("jdisco.testdata")).getParent();
        String source = Files.readString(root.resolve("examples/src/main/java/io/jdisco/examples/ReadmeExample.java"))
                .replace("package io.jdisco.examples;", "package demo;");
        Path src = Files.createDirectories(tmp.resolve("src/demo")).resolve("ReadmeExample.java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        String classPath = dependencyClassPath();

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", classPath, "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src.toFile()))
                .call();
        assertTrue(compiled, "the README example does not compile against jdisco-local's class path:\n" + diagnostics);

        Path text = Files.writeString(tmp.resolve("text.txt"), "to be or\nnot to be\n");
        Path out = tmp.resolve("out.txt");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + classPath, "demo.ReadmeExample", text.toString())
                .redirectOutput(out.toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the example did not end within 2 minutes");
        String err = Files.readString(tmp.resolve("err.txt"));
        assertEquals(0, run.exitValue(), err);
        assertEquals(List.of("be\t2", "not\t1", "or\t1", "to\t2"), Files.readAllLines(out), err);
        assertTrue(err.contains("lines counted: 2"), err);
    }

    @Test
    void everyStandardSchemeComesWithIt() throws IOException {
        String classPath = dependencyClassPath();
        for (String scheme : List.of("scheme-file", "scheme-http", "scheme-disco", "scheme-dir", "scheme-raw",
                "scheme-tag", "scheme-part")) {
            assertTrue(classPath.contains(scheme), scheme + " is not on jdisco-local's class path: " + classPath);
        }
    }
}
