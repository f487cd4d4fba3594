package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.RawHttp;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.client.Disco;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: listening beyond loopback needs a token, and then a client on another host must send
 * it. The "other host" is this machine reached through one of its non-loopback addresses (the
 * peer address is then not a loopback one); the guard's rules for any peer are tested without
 * sockets in {@code internal.RequestGuardTest}.
 */
class SecurityBindTokenTest {
    private static final String TOKEN = "s3cret-Token_42";

    @TempDir
    Path dir;

    @Test
    void listeningBeyondLoopbackWithoutATokenIsRefused() {
        for (String address : List.of("0.0.0.0", "::", "192.0.2.2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LocalMasterConfig.builder().bind(address).build());
            assertTrue(e.getMessage().contains("beyond loopback, needs a token"), e.getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> LocalMasterMain.parse(new String[] {"--bind", address})).getMessage().contains("--token"));
        }
        LocalMasterConfig.builder().bind("127.0.0.1").build();
        LocalMasterConfig.builder().bind("localhost").build();
        LocalMasterConfig.builder().bind("[::1]").build();
    }

    @Test
    void aBindAddressMustBeAnIpLiteral() {
        for (String address : List.of("example.com", "256.1.1.1", "1.2.3", "", "[::1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LocalMasterConfig.builder().bind(address));
            assertTrue(e.getMessage().contains("is not an IP address"), e.getMessage());
        }
    }

    @Test
    void theTokenOptionReadsAPrivateFile() throws Exception {
        Path file = tokenFile(TOKEN + "\n");
        LocalMasterConfig c = LocalMasterMain.parse(new String[] {"--bind", "0.0.0.0", "--token", file.toString()});
        assertEquals(Optional.of(TOKEN), c.token());
        assertEquals("0.0.0.0", c.bindAddress().getHostAddress());
        assertTrue(!c.toString().contains(TOKEN), c.toString());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalMasterMain.parse(new String[] {"--token", file.toString()})).getMessage()
                .contains("chmod 600"));
        Path empty = tokenFile("\n");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalMasterMain.parse(new String[] {"--token", empty.toString()})).getMessage()
                .contains("the token is empty"));
    }

    @Test
    void sizesTakeBinarySuffixes() {
        LocalMasterConfig c = LocalMasterMain.parse(new String[] {"--max-blob", "512m", "--max-pack", "64K"});
        assertEquals(512L << 20, c.maxBlobBytes());
        assertEquals(64L << 10, c.maxPackBytes());
        assertEquals(1L << 30, LocalMasterConfig.defaults().maxBlobBytes());
        assertEquals(256L << 20, LocalMasterConfig.defaults().maxPackBytes());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalMasterMain.parse(new String[] {"--max-blob", "lots"})).getMessage()
                .contains("--max-blob needs a size in bytes"));
    }

    @Test
    void aClientOnAnotherAddressNeedsTheTokenAndLocalOnesDoNot() throws Exception {
        InetAddress other = nonLoopbackAddress();
        assumeTrue(other != null, "this machine has no non-loopback IPv4 address to connect from");
        LocalMasterConfig config = Fixture.config().bind(other.getHostAddress()).token(TOKEN).build();
        try (Fixture f = new Fixture(config)) {
            int port = f.master.port();
            String host = other.getHostAddress() + ":" + port;
            RawHttp.Reply none = RawHttp.to(other, port).header("Host", host).get("/disco/version");
            assertEquals(401, none.status(), none.body());
            assertTrue(none.body().contains("Authorization: Bearer"), none.body());
            assertEquals(401, RawHttp.to(other, port).header("Host", host).header("Authorization", "Bearer wrong")
                    .get("/disco/version").status());
            assertEquals(401, RawHttp.to(other, port).header("Host", host).header("Authorization", "Basic " + TOKEN)
                    .get("/disco/version").status());
            assertEquals(200, RawHttp.to(other, port).header("Host", host).header("Authorization", "Bearer " + TOKEN)
                    .get("/disco/version").status());
            assertEquals(403, RawHttp.to(other, port).header("Host", "evil.example:" + port)
                    .header("Authorization", "Bearer " + TOKEN).get("/disco/version").status(),
                    "the token does not lift the Host rule");

            // The master still listens on loopback, where no token is needed: its own workers run jobs.
            assertEquals(200, RawHttp.local(port).header("Host", "localhost:" + port).get("/disco/version").status());
            String job = f.disco.submit(TestPacks.wordPack(1,
                    TestPacks.classic("Bound", List.of("raw://a,b,a"), true, false, 1), Map.of()));
            assertEquals(Map.of("a", 2L, "b", 1L), f.counts(f.await(job)));

            // The Java client sends the token from another address.
            Disco remote = Disco.withToken("http://" + host, TOKEN);
            assertEquals("0.5.4", remote.version());
            assertEquals(job, remote.jobs().get(0).name());
        }
    }

    private Path tokenFile(String content) throws IOException {
        Path file = Files.createTempFile(dir, "token", "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return Files.writeString(file, content);
    }

    /** An IPv4 address of an interface that is up and not loopback, or null. */
    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }
}
