package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.RawHttp;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.client.Disco;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a web page the user visits must not reach the master. Requests written on a socket
 * as a browser sends them: a foreign {@code Origin} (a cross-site "simple" request) or a foreign
 * {@code Host} (DNS rebinding) gets 403 on every route; the master's own names and origins, and
 * clients that send no {@code Origin}, pass.
 */
class SecurityOriginHostTest {
    private static final byte[] DATA = "secret data".getBytes(StandardCharsets.US_ASCII);
    private static final String DATA_PATH = "/disco/localhost/ab/Job@1:2:3/out/part-0";

    private static Fixture f;
    private static int port;
    private static String own;

    @BeforeAll
    static void start() throws Exception {
        f = new Fixture();
        port = f.master.port();
        own = "127.0.0.1:" + port;
        Path file = f.master.discoData().resolve(DATA_PATH.substring("/disco/".length()));
        Files.createDirectories(file.getParent());
        Files.write(file, DATA);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** A pack whose worker would leave a mark, sent as a page's fetch(..., {mode: "no-cors"}) would. */
    private static byte[] evilPack() {
        return TestPacks.scriptPack(TestPacks.classic("Evil", List.of("raw://a"), true, false, 1),
                TestPacks.shellWorker("touch /tmp/jdisco-evil-was-here"));
    }

    @Test
    void aCrossSitePostOfAJobIsRefusedAndNoJobStarts() throws Exception {
        RawHttp.Reply r = RawHttp.local(port).header("Host", own).header("Origin", "http://evil.example")
                .header("Content-Type", "text/plain").send("POST", "/disco/job/new", evilPack());
        assertEquals(403, r.status(), r.body());
        assertTrue(r.body().contains("origin 'http://evil.example'"), r.body());
        assertEquals(List.of(), f.disco.jobs());
    }

    @Test
    void aForeignOriginIsRefusedOnControlDdfsAndDataRoutes() throws Exception {
        RawHttp evil = RawHttp.local(port).header("Host", own).header("Origin", "http://evil.example");
        assertEquals(403, evil.send("POST", "/disco/ctrl/kill_job", "\"Job@1:2:3\"".getBytes(StandardCharsets.UTF_8))
                .status());
        assertEquals(403, evil.get("/disco/ctrl/joblist").status());
        assertEquals(403, evil.send("PUT", "/ddfs/tag/evil", "[[\"raw://x\"]]".getBytes(StandardCharsets.UTF_8))
                .status());
        RawHttp.Reply data = evil.get(DATA_PATH);
        assertEquals(403, data.status());
        assertTrue(!data.body().contains("secret"), data.body());
        assertEquals(403, evil.get("/proxy/localhost/GET" + DATA_PATH).status());
        assertTrue(f.disco.jobs().isEmpty());
        assertEquals(404, RawHttp.local(port).header("Host", own).get("/ddfs/tag/evil").status(),
                "the refused PUT made no tag");
    }

    @Test
    void originNullIsForeign() throws Exception {
        assertEquals(403, RawHttp.local(port).header("Host", own).header("Origin", "null").get("/disco/version")
                .status());
    }

    @Test
    void anOriginOnAnotherPortOrSchemeIsForeign() throws Exception {
        for (String origin : List.of("http://localhost:" + (port + 1), "https://localhost:" + port, "http://localhost",
                "http://localhost:" + port + "/x", "http://localhost:" + port + ".evil.example")) {
            assertEquals(403, RawHttp.local(port).header("Host", own).header("Origin", origin).get("/disco/version")
                    .status(), origin);
        }
    }

    @Test
    void aForeignHostIsRefusedAsDnsRebinding() throws Exception {
        RawHttp rebound = RawHttp.local(port).header("Host", "evil.example:" + port);
        RawHttp.Reply r = rebound.header("Content-Type", "text/plain").send("POST", "/disco/job/new", evilPack());
        assertEquals(403, r.status());
        assertTrue(r.body().contains("Host 'evil.example:" + port + "'"), r.body());
        assertEquals(403, RawHttp.local(port).header("Host", "evil.example:" + port).get(DATA_PATH).status());
        assertEquals(List.of(), f.disco.jobs());
    }

    @Test
    void aHostWithAnotherPortOrNoPortIsRefused() throws Exception {
        for (String host : List.of("localhost", "127.0.0.1", "localhost:" + (port + 1), "localhost:x",
                "127.0.0.1.evil.example:" + port, "localhost.:" + port)) {
            assertEquals(403, RawHttp.local(port).header("Host", host).get("/disco/version").status(), host);
        }
    }

    @Test
    void twoHostHeadersAreRefused() throws Exception {
        assertEquals(403, RawHttp.local(port).header("Host", own).header("Host", "evil.example:" + port)
                .get("/disco/version").status());
    }

    @Test
    void theMastersOwnNamesAndOriginsPass() throws Exception {
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port,
                "127.0.0.2:" + port)) {
            RawHttp.Reply r = RawHttp.local(port).header("Host", host).get("/disco/version");
            assertEquals(200, r.status(), host + ": " + r.body());
            assertEquals(200, RawHttp.local(port).header("Host", host).header("Origin", "http://" + host)
                    .get("/disco/version").status(), host);
        }
        assertEquals(200, RawHttp.local(port).header("Host", own).header("Origin", "http://localhost:" + port)
                .get(DATA_PATH).status());
    }

    @Test
    void aRequestWithoutOriginPassesAndOneWithoutHostToo() throws Exception {
        RawHttp.Reply r = RawHttp.local(port).header("Host", own).get(DATA_PATH);
        assertEquals(200, r.status());
        assertEquals("secret data", r.body());
        assertEquals(200, RawHttp.local(port).http10().get("/disco/version").status());
        assertEquals(403, RawHttp.local(port).http10().header("Origin", "http://evil.example").get("/disco/version")
                .status(), "without Host, the Origin rule still applies");
    }

    @Test
    void theJavaClientOverHttpAndInProcessStillWorks() throws Exception {
        assertEquals("0.5.4", f.disco.version());
        Disco local = new Disco(f.master.url(), f.master.transport());
        assertEquals("0.5.4", local.version());
        assertEquals(List.of(), local.jobs());
    }
}
