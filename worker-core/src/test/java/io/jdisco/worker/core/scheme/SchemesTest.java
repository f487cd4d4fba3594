package io.jdisco.worker.core.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemesTest {
    /** Serves {@code file}: returns "file:" + the URL. */
    static final class FakeFile implements SchemeProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("file");
        }

        @Override
        public InputLink open(String url, SchemeContext context) {
            byte[] b = ("file:" + url).getBytes(StandardCharsets.UTF_8);
            return new InputLink(new ByteArrayInputStream(b), b.length, url);
        }
    }

    /** Serves {@code echo}. */
    static final class EchoA extends Echo {
    }

    /** Also serves {@code echo}. */
    static final class EchoB extends Echo {
    }

    abstract static class Echo implements SchemeProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("echo");
        }

        @Override
        public InputLink open(String url, SchemeContext context) {
            byte[] b = (getClass().getSimpleName() + ":" + url).getBytes(StandardCharsets.UTF_8);
            return new InputLink(new ByteArrayInputStream(b), b.length, url);
        }
    }

    /** An indirect scheme listing two echo URLs. */
    static final class List2 implements SchemeProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("list");
        }

        @Override
        public boolean isIndirect() {
            return true;
        }

        @Override
        public InputLink open(String url, SchemeContext context) {
            return new InputLink(new ByteArrayInputStream(new byte[0]), 0, url);
        }

        @Override
        public List<ResolvedInput> expand(String url, SchemeContext context) {
            return List.of(ResolvedInput.of("echo://1"), new ResolvedInput(1, 5, List.of("echo://2")));
        }
    }

    /** A provider broken at run time: its schemes() throws. */
    static final class Confused implements SchemeProvider {
        @Override
        public Set<String> schemes() {
            throw new IllegalStateException("confused");
        }

        @Override
        public InputLink open(String url, SchemeContext context) {
            throw new AssertionError("never opened");
        }
    }

    @Test
    void providerWhoseSchemesFailIsSkippedAndTheOthersServe() throws IOException {
        Schemes schemes = Schemes.of(new Confused(), new EchoA());
        assertEquals(Set.of("echo"), schemes.schemes());
        assertEquals("EchoA:echo://z", read(schemes, "echo://z"));
    }

    @Test
    void unknownSchemeNamesTheUrlAndTheKnownSchemes() {
        Schemes schemes = Schemes.of(new FakeFile(), new EchoA());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> schemes.open("gopher://host/x", BasicSchemeContext.of(schemes)));
        assertTrue(e.getMessage().contains("gopher://host/x"), e.getMessage());
        assertTrue(e.getMessage().contains("[echo, file]"), e.getMessage());
    }

    @Test
    void urlWithoutSchemeGoesToTheFileProvider() throws IOException {
        Schemes schemes = Schemes.of(new FakeFile());
        assertEquals("file:/tmp/x", read(schemes, "/tmp/x"));
    }

    @Test
    void urlWithoutSchemeFailsWhenNoFileProviderIsLoaded() {
        Schemes schemes = Schemes.of(new EchoA());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> schemes.open("data/part-0", BasicSchemeContext.of(schemes)));
        assertTrue(e.getMessage().contains("data/part-0"), e.getMessage());
    }

    @Test
    void duplicateSchemeFailsNamingTheSchemeAndBothClasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Schemes.of(new EchoB(), new EchoA()));
        assertTrue(e.getMessage().contains("'echo'"), e.getMessage());
        assertTrue(e.getMessage().contains(EchoA.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(EchoB.class.getName()), e.getMessage());
        assertTrue(e.getMessage().indexOf("EchoA") < e.getMessage().indexOf("EchoB"), "sorted by class name");
    }

    @Test
    void overrideMapChoosesBetweenDuplicates() throws IOException {
        Schemes schemes = Schemes.of(Map.of("echo", EchoB.class.getName()), new EchoA(), new EchoB());
        assertEquals("EchoB:echo://x", read(schemes, "echo://x"));
        assertEquals(EchoB.class.getName(), schemes.providerClasses().get("echo"));
    }

    @Test
    void systemPropertyOverrideChoosesBetweenDuplicates() throws IOException {
        System.setProperty("jdisco.scheme.echo", EchoA.class.getName());
        try {
            Schemes schemes = Schemes.of(new EchoA(), new EchoB());
            assertEquals("EchoA:echo://x", read(schemes, "echo://x"));
        } finally {
            System.clearProperty("jdisco.scheme.echo");
        }
    }

    @Test
    void overrideNamingAnAbsentClassFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Schemes.of(Map.of("echo", "com.acme.Nope"), new EchoA()));
        assertTrue(e.getMessage().contains("com.acme.Nope"), e.getMessage());
        assertTrue(e.getMessage().contains(EchoA.class.getName()), e.getMessage());
    }

    @Test
    void overridesAreReadFromJobSettings() {
        assertEquals(Map.of("http", "com.acme.MyHttp"),
                Schemes.overridesFrom(Map.of("jdisco.scheme.http", "com.acme.MyHttp", "other", "x")));
    }

    @Test
    void indirectSchemeExpandsAndDirectSchemeExpandsToItself() throws IOException {
        Schemes schemes = Schemes.of(new EchoA(), new List2());
        SchemeContext ctx = BasicSchemeContext.of(schemes);
        assertTrue(schemes.isIndirect("list://x"));
        assertFalse(schemes.isIndirect("echo://x"));
        assertEquals(List.of(ResolvedInput.of("echo://1"), new ResolvedInput(1, 5, List.of("echo://2"))),
                schemes.expand("list://x", ctx));
        assertEquals(List.of(ResolvedInput.of("echo://y")), schemes.expand("echo://y", ctx));
    }

    private static String read(Schemes schemes, String url) throws IOException {
        try (var in = schemes.open(url, BasicSchemeContext.of(schemes)).stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
