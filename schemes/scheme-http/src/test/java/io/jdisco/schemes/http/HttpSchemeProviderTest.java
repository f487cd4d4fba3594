package io.jdisco.schemes.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.InputLink;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpSchemeProviderTest extends HttpTestBase {
    @Test
    void serviceLoaderFindsHttpAndHttps() {
        Schemes loaded = Schemes.load(HttpSchemeProvider.class.getClassLoader());
        assertEquals(HttpSchemeProvider.class.getName(), loaded.providerClasses().get("http"));
        assertEquals(HttpSchemeProvider.class.getName(), loaded.providerClasses().get("https"));
        assertEquals(Set.of("http", "https"), new HttpSchemeProvider().schemes());
    }

    @Test
    void bodyIsStreamedWithSizeFromContentLength() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> TestServer.serve(ex, DATA, true, -1))) {
            InputLink link = schemes.open(s.url("/disco/a/b"), context(Map.of()));
            assertEquals(DATA.length, link.size());
            assertEquals(s.url("/disco/a/b"), link.url());
            try (InputStream in = link.stream()) {
                assertArrayEquals(DATA, in.readAllBytes());
            }
        }
    }

    @Test
    void chunkedBodyHasUnknownSize() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(DATA);
        })) {
            InputLink link = schemes.open(s.url("/x"), context(Map.of()));
            assertEquals(InputLink.UNKNOWN_SIZE, link.size());
            assertArrayEquals(DATA, link.stream().readAllBytes());
        }
    }

    @Test
    void notFoundIsADataExceptionWithStatusUrlAndServerText() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> TestServer.status(ex, 404, "no such blob\n"))) {
            DataException e = assertThrows(DataException.class, () -> read(s.url("/missing")));
            assertEquals(s.url("/missing"), e.url());
            assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
            assertTrue(e.getMessage().contains("no such blob"), e.getMessage());
            assertEquals(1, s.requests(), "a 404 is not retried");
        }
    }

    @Test
    void serviceUnavailableIsRetriedUntilItSucceeds() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> {
            if (n < 2) {
                TestServer.status(ex, 503, "Maximum number of downloaders reached");
            } else {
                TestServer.serve(ex, DATA, true, -1);
            }
        })) {
            assertArrayEquals(DATA, read(s.url("/busy")));
            assertEquals(3, s.requests());
        }
    }

    @Test
    void lasting5xxIsADataExceptionAfterTheRetries() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> TestServer.status(ex, 500, "boom"))) {
            DataException e = assertThrows(DataException.class, () -> read(s.url("/err")));
            assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
            assertEquals(4, s.requests());
        }
    }

    @Test
    void refusedConnectionIsADataExceptionNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/x";
        DataException e = assertThrows(DataException.class, () -> read(url));
        assertEquals(url, e.url());
        assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
    }

    @Test
    void redirectToHttpIsFollowed() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> {
            if (ex.getRequestURI().getPath().equals("/old")) {
                ex.getResponseHeaders().set("Location", "/new");
                ex.sendResponseHeaders(302, -1);
            } else {
                TestServer.serve(ex, DATA, true, -1);
            }
        })) {
            assertArrayEquals(DATA, read(s.url("/old")));
            assertEquals(List.of("/old", "/new"), s.paths);
        }
    }

    @Test
    void redirectToAFileUrlIsRefused() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> {
            ex.getResponseHeaders().set("Location", "file:///etc/passwd");
            ex.sendResponseHeaders(301, -1);
        })) {
            DataException e = assertThrows(DataException.class, () -> read(s.url("/r")));
            assertEquals(s.url("/r"), e.url());
            assertTrue(e.getMessage().contains("file:///etc/passwd"), e.getMessage());
        }
    }

    @Test
    void redirectLoopIsADataExceptionAfterTheLimit() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> {
            ex.getResponseHeaders().set("Location", "/loop");
            ex.sendResponseHeaders(307, -1);
        })) {
            DataException e = assertThrows(DataException.class, () -> read(s.url("/loop")));
            assertTrue(e.getMessage().contains("redirects"), e.getMessage());
            assertEquals(11, s.requests());
        }
    }

    @Test
    void malformedUrlsAreIllegalArgumentsNamingTheUrl() {
        for (String url : List.of("http://", "http://ho st/x", "http://host:99999999/x", "http:///path")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(url), url);
            assertTrue(e.getMessage().contains(url), e.getMessage());
        }
    }

    @Test
    void userInfoBecomesABasicAuthorizationHeaderAndIsMaskedInErrors() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> TestServer.status(ex, 401, "bad token"))) {
            String url = s.url("/ddfs/tag/t").replace("http://", "http://token:s3cret@");
            DataException e = assertThrows(DataException.class, () -> read(url));
            String expected = "Basic " + Base64.getEncoder().encodeToString("token:s3cret".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(expected), s.authorizations);
            assertTrue(!e.getMessage().contains("s3cret") && e.getMessage().contains("token:***@"), e.getMessage());
        }
    }

    @Test
    void discoProxyCarriesHttpUrls() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> TestServer.serve(ex, DATA, true, -1))) {
            byte[] got = read("http://node7:8989/disco/node7/ab/job/file", Map.of(HttpSettings.PROXY, s.url("")));
            assertArrayEquals(DATA, got);
            assertEquals(List.of("/proxy/node7/GET/disco/node7/ab/job/file"), s.paths);
        }
    }

    @Test
    void malformedSettingIsAnIllegalArgumentNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("http://127.0.0.1:1/x", Map.of(HttpSettings.MAX_RETRIES, "many")));
        assertTrue(e.getMessage().contains(HttpSettings.MAX_RETRIES), e.getMessage());
    }
}
