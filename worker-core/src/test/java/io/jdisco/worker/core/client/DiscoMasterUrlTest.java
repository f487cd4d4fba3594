package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DiscoException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoMasterUrlTest {
    @Test
    void argumentWinsOverTheEnvironment() {
        assertEquals(URI.create("http://a:8989"),
                Disco.masterUri("http://a:8989", Map.of("DISCO_MASTER", "http://b:8989")));
    }

    @Test
    void environmentIsUsedWithoutAnArgument() {
        assertEquals(URI.create("http://b:8989"),
                Disco.masterUri(null, Map.of("DISCO_MASTER", "http://b:8989")));
    }

    @Test
    void missingMasterFailsNamingTheVariable() {
        DiscoException e = assertThrows(DiscoException.class,
                () -> Disco.masterUri(null, Map.of()));
        assertTrue(e.getMessage().contains("DISCO_MASTER"), e.getMessage());
    }

    @Test
    void trailingSlashIsDropped() {
        assertEquals(URI.create("http://a:8989"), Disco.masterUri("http://a:8989/", Map.of()));
    }

    @Test
    void urlWithAPathIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Disco.masterUri("http://a:8989/disco", Map.of()));
        assertTrue(e.getMessage().contains("'http://a:8989/disco'"), e.getMessage());
    }

    @Test
    void urlWithoutHttpSchemeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Disco.masterUri("a:8989", Map.of()));
    }

    @Test
    void publicConstructorUsesTheGivenUrl() {
        assertEquals(URI.create("http://127.0.0.1:1"), new Disco("http://127.0.0.1:1").master());
    }
}
