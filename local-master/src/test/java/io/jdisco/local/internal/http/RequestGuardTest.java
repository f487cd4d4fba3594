package io.jdisco.local.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import io.jdisco.local.LocalMasterConfig;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The guard's rules for any peer address, without sockets: a peer on another host (which the
 * HTTP tests can only be when the machine has a second address) needs the token; Host and
 * Origin rules hold for every peer.
 */
class RequestGuardTest {
    private static final int PORT = 8989;
    private static final InetAddress REMOTE = address("192.0.2.77");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final RequestGuard plain = new RequestGuard(PORT, List.of("localhost", "node1"), List.of(LOOPBACK), null);
    private final RequestGuard bound = new RequestGuard(PORT, List.of("localhost", "node1"),
            List.of(address("192.0.2.5"), address("fd00::5")), "tok3n");

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Headers headers(String... nameValues) {
        Headers h = new Headers();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.add(nameValues[i], nameValues[i + 1]);
        }
        return h;
    }

    private static int status(Optional<RequestGuard.Refusal> refusal) {
        return refusal.map(RequestGuard.Refusal::status).orElse(200);
    }

    @Test
    void aRemotePeerNeedsTheTokenAndALoopbackPeerDoesNot() {
        Headers host = headers("Host", "192.0.2.5:" + PORT);
        assertEquals(401, status(bound.check(host, REMOTE)));
        assertEquals(401, status(bound.check(host, null)), "an unknown peer is not loopback");
        assertEquals(200, status(bound.check(host, LOOPBACK)));
        assertEquals(200, status(bound.check(headers("Host", "192.0.2.5:" + PORT, "Authorization", "Bearer tok3n"),
                REMOTE)));
        assertEquals(200, status(bound.check(headers("Host", "node1:" + PORT, "Authorization", "bearer  tok3n"),
                REMOTE)), "the scheme is case-insensitive");
        for (String wrong : List.of("Bearer tok3", "Bearer tok3nn", "Bearer TOK3N", "tok3n", "Basic tok3n", "Bearer")) {
            assertEquals(401, status(bound.check(headers("Host", "node1:" + PORT, "Authorization", wrong), REMOTE)),
                    wrong);
        }
        assertEquals(401, status(bound.check(headers("Authorization", "Bearer tok3n", "Authorization", "Bearer tok3n"),
                REMOTE)), "two Authorization headers");
    }

    @Test
    void withoutATokenNoPeerIsAskedForOne() {
        assertEquals(200, status(plain.check(headers("Host", "localhost:" + PORT), REMOTE)));
    }

    @Test
    void theTokenRefusalDoesNotListTheMastersNames() {
        String text = bound.check(headers("Host", "evil.example:" + PORT), REMOTE).orElseThrow().text();
        assertTrue(text.contains("Authorization: Bearer <token>") && !text.contains("localhost"), text);
    }

    @Test
    void hostsAreTheNamesTheLoopbackAndTheBoundAddresses() {
        for (String host : List.of("localhost", "LOCALHOST", "node1", "127.0.0.1", "127.1.2.3", "[::1]",
                "[0:0:0:0:0:0:0:1]", "192.0.2.5", "[fd00::5]", "[FD00:0::5]")) {
            assertEquals(200, status(bound.check(headers("Host", host + ":" + PORT), LOOPBACK)), host);
        }
        for (String host : List.of("evil.example", "192.0.2.6", "[fd00::6]", "node1.evil.example", "localhost.",
                "[::1", "::1", "0x7f.0.0.1", "2130706433", "[::ffff:192.0.2.6]", "")) {
            assertEquals(403, status(bound.check(headers("Host", host + ":" + PORT), LOOPBACK)), host);
        }
        assertEquals(403, status(plain.check(headers("Host", "192.0.2.5:" + PORT), LOOPBACK)),
                "the bind address only when bound to it");
    }

    @Test
    void thePortMustBeTheMastersAndNoPortMeans80() {
        assertEquals(403, status(plain.check(headers("Host", "localhost"), LOOPBACK)));
        assertEquals(403, status(plain.check(headers("Host", "localhost:80"), LOOPBACK)));
        assertEquals(403, status(plain.check(headers("Host", "localhost:08989x"), LOOPBACK)));
        RequestGuard on80 = new RequestGuard(80, List.of("localhost"), List.of(), null);
        assertEquals(200, status(on80.check(headers("Host", "localhost"), LOOPBACK)));
        assertEquals(200, status(on80.check(headers("Host", "localhost:80", "Origin", "http://localhost"), LOOPBACK)));
    }

    @Test
    void anOriginMustBeTheMastersOwn() {
        assertEquals(200, status(plain.check(headers("Origin", "http://node1:" + PORT), LOOPBACK)));
        assertEquals(200, status(plain.check(headers("Origin", "HTTP://LocalHost:" + PORT), LOOPBACK)));
        for (String origin : List.of("null", "http://evil.example", "https://localhost:" + PORT, "file://",
                "http://localhost:" + PORT + "/", "http://user@localhost:" + PORT, "")) {
            assertEquals(403, status(plain.check(headers("Origin", origin), LOOPBACK)), origin);
        }
        assertEquals(403, status(plain.check(headers("Origin", "http://localhost:" + PORT, "Origin", "null"),
                LOOPBACK)));
    }

    @Test
    void theGuardOfAConfigurationKnowsItsNames() {
        RequestGuard g = RequestGuard.of(LocalMasterConfig.builder().host("node7").build(), PORT);
        assertEquals(200, status(g.check(headers("Host", "node7:" + PORT), LOOPBACK)));
        assertEquals(403, status(g.check(headers("Host", "node1:" + PORT), LOOPBACK)));
        RequestGuard all = RequestGuard.of(LocalMasterConfig.builder().bind("0.0.0.0").token("t").build(), PORT);
        assertEquals(200, status(all.check(headers("Host", "localhost:" + PORT), LOOPBACK)));
        assertEquals(401, status(all.check(headers("Host", "localhost:" + PORT), REMOTE)));
    }
}
