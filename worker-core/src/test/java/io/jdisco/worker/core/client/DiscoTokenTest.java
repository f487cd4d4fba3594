package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DiscoException;
import io.jdisco.worker.core.client.FakeMaster.Reply;
import io.jdisco.worker.core.client.internal.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's token for a local master bound beyond loopback: read from a private file
 * ({@link MasterToken}), sent as {@code Authorization: Bearer} to the master and to no other host.
 */
class DiscoTokenTest {
    @TempDir
    Path dir;

    private Path file(String content, String mode) throws IOException {
        Path f = Files.createTempFile(dir, "token", "");
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void aTokenFileLosesItsTrailingNewline() throws Exception {
        assertEquals("abc-123", MasterToken.read(file("abc-123\n", "rw-------")));
        assertEquals("abc-123", MasterToken.read(file("  abc-123\r\n", "r--------")));
    }

    @Test
    void aTokenFileReadableByOthersOrEmptyOrOddIsRefused() throws Exception {
        for (String mode : new String[] {"rw-r-----", "rw----r--"}) {
            Path f = file("abc", mode);
            IOException e = assertThrows(IOException.class, () -> MasterToken.read(f));
            assertTrue(e.getMessage().contains("chmod 600 " + f), e.getMessage());
        }
        assertTrue(assertThrows(IOException.class, () -> MasterToken.read(file("\n", "rw-------"))).getMessage()
                .contains("the token is empty"));
        assertTrue(assertThrows(IOException.class, () -> MasterToken.read(file("a b", "rw-------"))).getMessage()
                .contains("not printable ASCII"));
        assertTrue(assertThrows(IOException.class, () -> MasterToken.read(file("x".repeat(1025), "rw-------")))
                .getMessage().contains("longer than 1024"));
        assertThrows(IOException.class, () -> MasterToken.read(dir.resolve("missing")));
    }

    @Test
    void withTokenSendsItToTheMaster() throws Exception {
        try (FakeMaster master = new FakeMaster()) {
            master.route("GET", "/disco/version", Reply.json("\"0.5.4\""));
            assertEquals("0.5.4", Disco.withToken(master.url(), "t0ken").version());
            assertEquals("Bearer t0ken", master.requests("/disco/version").get(0).header("Authorization"));
            assertThrows(IllegalArgumentException.class, () -> Disco.withToken(master.url(), ""));
        }
    }

    @Test
    void theTokenFileVariableIsRead() throws Exception {
        try (FakeMaster master = new FakeMaster()) {
            master.route("GET", "/disco/version", Reply.json("\"0.5.4\""));
            Path token = file("from-file\n", "rw-------");
            Disco disco = new Disco(master.url(), Map.of(MasterToken.FILE_VARIABLE, token.toString()),
                    HttpClient.newHttpClient(), Duration.ofSeconds(10));
            disco.version();
            assertEquals("Bearer from-file", master.requests("/disco/version").get(0).header("Authorization"));
            new Disco(master.url(), Map.of(), HttpClient.newHttpClient(), Duration.ofSeconds(10)).version();
            assertNull(master.requests("/disco/version").get(1).header("Authorization"));
            DiscoException e = assertThrows(DiscoException.class, () -> new Disco(master.url(),
                    Map.of(MasterToken.FILE_VARIABLE, dir.resolve("missing").toString()), HttpClient.newHttpClient(),
                    Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains(MasterToken.FILE_VARIABLE), e.getMessage());
        }
    }

    @Test
    void theTokenGoesToTheMastersOriginOnly() throws Exception {
        try (FakeMaster master = new FakeMaster(); FakeMaster other = new FakeMaster()) {
            master.route("GET", "/blob", Reply.json("1"));
            other.route("GET", "/blob", Reply.json("2"));
            HttpTransport t = new HttpTransport(URI.create(master.url()), HttpClient.newHttpClient(),
                    Duration.ofSeconds(10), "t0ken");
            t.send("GET", master.url() + "/blob", Map.of(), new byte[0], Duration.ZERO);
            t.send("GET", other.url() + "/blob", Map.of(), new byte[0], Duration.ZERO);
            assertEquals("Bearer t0ken", master.requests("/blob").get(0).header("Authorization"));
            assertNull(other.requests("/blob").get(0).header("Authorization"));
        }
    }
}
