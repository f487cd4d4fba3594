package io.jdisco.worker.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.io.InputLink;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers in jars built at test time are found through ServiceLoader, with no code change. */
class DropInSchemeTest {
    private static final String ROT13 = "package com.example.rot;\n"
            + "import io.jdisco.worker.io.InputLink;\n"
            + "import io.jdisco.worker.spi.*;\n"
            + "import java.io.ByteArrayInputStream;\n"
            + "import java.nio.charset.StandardCharsets;\n"
            + "import java.util.Set;\n"
            + "public final class Rot13Provider implements SchemeProvider {\n"
            + "  public Set<String> schemes() { return Set.of(\"rot13\"); }\n"
            + "  public InputLink open(String url, SchemeContext c) {\n"
            + "    char[] s = url.substring(\"rot13://\".length()).toCharArray();\n"
            + "    for (int i = 0; i < s.length; i++) {\n"
            + "      char ch = s[i];\n"
            + "      if (ch >= 'a' && ch <= 'z') s[i] = (char) ('a' + (ch - 'a' + 13) % 26);\n"
            + "      else if (ch >= 'A' && ch <= 'Z') s[i] = (char) ('A' + (ch - 'A' + 13) % 26);\n"
            + "    }\n"
            + "    byte[] b = new String(s).getBytes(StandardCharsets.UTF_8);\n"
            + "    return new InputLink(new ByteArrayInputStream(b), b.length, url);\n"
            + "  }\n"
            + "}\n";

    private static final String FAILING = "package com.example.bad;\n"
            + "import io.jdisco.worker.io.InputLink;\n"
            + "import io.jdisco.worker.spi.*;\n"
            + "import java.util.Set;\n"
            + "public final class ThrowingProvider implements SchemeProvider {\n"
            + "  public ThrowingProvider() { throw new IllegalStateException(\"broken on purpose\"); }\n"
            + "  public Set<String> schemes() { return Set.of(\"bad\"); }\n"
            + "  public InputLink open(String url, SchemeContext c) { return null; }\n"
            + "}\n";

    @TempDir
    Path dir;

    @Test
    void rot13ProviderCompiledAtTestTimeIsFoundAndRead() throws IOException {
        Path jar = ProviderJars.jar(dir, "rot13", Map.of("com.example.rot.Rot13Provider", ROT13),
                List.of("# a comment", "com.example.rot.Rot13Provider"));
        try (URLClassLoader loader = ProviderJars.loader(jar)) {
            Schemes schemes = Schemes.load(loader);
            assertEquals(Set.of("rot13"), schemes.schemes());
            assertEquals("Hello, World", read(schemes, "rot13://Uryyb, Jbeyq"));
        }
    }

    @Test
    void contextClassLoaderIsSearchedByDefault() throws IOException {
        Path jar = ProviderJars.jar(dir, "rot13", Map.of("com.example.rot.Rot13Provider", ROT13),
                List.of("com.example.rot.Rot13Provider"));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = ProviderJars.loader(jar)) {
            Thread.currentThread().setContextClassLoader(loader);
            assertEquals("abc", read(Schemes.load(), "rot13://nop"));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void theSharedRegistryIsLoadedOncePerContextClassLoader() throws IOException {
        Path jar = ProviderJars.jar(dir, "rot13", Map.of("com.example.rot.Rot13Provider", ROT13),
                List.of("com.example.rot.Rot13Provider"));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = ProviderJars.loader(jar)) {
            Thread.currentThread().setContextClassLoader(loader);
            Schemes first = Schemes.shared();
            assertSame(first, Schemes.shared(), "the second call reuses the registry");
            assertEquals("abc", read(first, "rot13://nop"));
            Thread.currentThread().setContextClassLoader(before);
            assertNotSame(first, Schemes.shared(), "another class loader has its own registry");
            assertFalse(Schemes.shared().schemes().contains("rot13"));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void brokenProvidersAreSkippedAndTheOthersLoad() throws IOException {
        Path jar = ProviderJars.jar(dir, "mixed", Map.of(
                "com.example.bad.ThrowingProvider", FAILING,
                "com.example.good.EchoProvider", ProviderJars.echoProvider("com.example.good", "EchoProvider", "echo")),
                List.of("com.example.missing.NoSuchProvider", "com.example.bad.ThrowingProvider",
                        "com.example.good.EchoProvider"));
        try (URLClassLoader loader = ProviderJars.loader(jar)) {
            Schemes schemes = Schemes.load(loader);
            assertEquals(Set.of("echo"), schemes.schemes());
            assertEquals("EchoProvider:x", read(schemes, "echo://x"));
        }
    }

    @Test
    void twoJarsClaimingOneSchemeFailNamingBothClasses() throws IOException {
        Path a = ProviderJars.jar(dir, "a", Map.of("com.example.a.AProvider",
                ProviderJars.echoProvider("com.example.a", "AProvider", "dup")), List.of("com.example.a.AProvider"));
        Path b = ProviderJars.jar(dir, "b", Map.of("com.example.b.BProvider",
                ProviderJars.echoProvider("com.example.b", "BProvider", "dup")), List.of("com.example.b.BProvider"));
        try (URLClassLoader loader = ProviderJars.loader(b, a)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Schemes.load(loader));
            String m = e.getMessage();
            assertTrue(m.contains("'dup'"), m);
            assertTrue(m.contains("com.example.a.AProvider (") && m.contains("/a.jar)"), m);
            assertTrue(m.contains("com.example.b.BProvider (") && m.contains("/b.jar)"), m);
            assertTrue(m.indexOf("AProvider") < m.indexOf("BProvider"), "sorted by class name, not class path: " + m);
        }
    }

    @Test
    void overrideMapPicksOneOfTwoJars() throws IOException {
        Path a = ProviderJars.jar(dir, "a", Map.of("com.example.a.AProvider",
                ProviderJars.echoProvider("com.example.a", "AProvider", "dup")), List.of("com.example.a.AProvider"));
        Path b = ProviderJars.jar(dir, "b", Map.of("com.example.b.BProvider",
                ProviderJars.echoProvider("com.example.b", "BProvider", "dup")), List.of("com.example.b.BProvider"));
        try (URLClassLoader loader = ProviderJars.loader(a, b)) {
            Schemes schemes = Schemes.load(Map.of("dup", "com.example.b.BProvider"), loader);
            assertEquals("BProvider:y", read(schemes, "dup://y"));
        }
    }

    private static String read(Schemes schemes, String url) throws IOException {
        InputLink link = schemes.open(url, BasicSchemeContext.of(schemes));
        try (InputStream in = link.stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
