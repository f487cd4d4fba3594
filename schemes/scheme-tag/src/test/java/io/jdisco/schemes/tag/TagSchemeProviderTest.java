package io.jdisco.schemes.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jdisco.worker.DataException;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.spi.ResolvedInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagSchemeProviderTest {
    private final Schemes schemes = Schemes.load(TagSchemeProvider.class.getClassLoader());
    /** Tag name → JSON document served by the fake master's {@code /ddfs/tag/<name>}. */
    private final Map<String, String> tags = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer master;

    @BeforeEach
    void startMaster() throws IOException {
        master = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        master.createContext("/ddfs/tag/", ex -> {
            String name = ex.getRequestURI().getRawPath().substring("/ddfs/tag/".length());
            requested.add(name);
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String doc = tags.get(name);
            byte[] b = (doc != null ? doc : "\"unknown tag\"").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(doc != null ? 200 : 404, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        master.start();
    }

    @AfterEach
    void stopMaster() {
        master.stop(0);
    }

    private String masterUrl() {
        return "http://127.0.0.1:" + master.getAddress().getPort();
    }

    private BasicSchemeContext context(Map<String, String> extra) {
        return BasicSchemeContext.builder(schemes).systemProperties(false).environment(Map.of())
                .setting("DISCO_MASTER", masterUrl()).setting("jdisco.http.backoffBaseMillis", "1")
                .setting("jdisco.http.maxRetries", "1").settings(extra).build();
    }

    private static String tag(String... urlLists) {
        return "{\"id\": \"t\", \"version\": 1, \"last-modified\": \"x\", \"urls\": [" + String.join(", ", urlLists)
                + "], \"user-data\": {}}";
    }

    private static ResolvedInput blob(String... replicas) {
        return new ResolvedInput(0, -1, List.of(replicas));
    }

    @Test
    void serviceLoaderFindsTheTagProviderAsIndirect() {
        assertEquals(TagSchemeProvider.class.getName(), schemes.providerClasses().get("tag"));
        assertTrue(schemes.isIndirect("tag://x"));
    }

    @Test
    void blobsAreListedWithTheirReplicas() throws IOException {
        tags.put("data:wc", tag("[\"disco://n1/ddfs/vol0/blob/ab/a$1\", \"disco://n2/ddfs/vol0/blob/ab/a$1\"]",
                "[\"disco://n2/ddfs/vol0/blob/cd/b$2\"]"));
        assertEquals(List.of(blob("disco://n1/ddfs/vol0/blob/ab/a$1", "disco://n2/ddfs/vol0/blob/ab/a$1"),
                blob("disco://n2/ddfs/vol0/blob/cd/b$2")), schemes.expand("tag://data:wc", context(Map.of())));
        assertEquals(List.of("data:wc"), requested);
    }

    @Test
    void nestedTagsAreFollowedBreadthFirst() throws IOException {
        tags.put("root", tag("[\"raw://a\"]", "[\"tag://one\"]", "[\"tag://two\"]", "[\"raw://b\"]"));
        tags.put("one", tag("[\"raw://c\"]", "[\"tag://three\"]"));
        tags.put("two", tag("[\"raw://d\"]"));
        tags.put("three", tag("[\"raw://e\"]"));
        assertEquals(List.of(blob("raw://a"), blob("raw://b"), blob("raw://c"), blob("raw://d"), blob("raw://e")),
                schemes.expand("tag://root", context(Map.of())));
        assertEquals(List.of("root", "one", "two", "three"), requested);
    }

    @Test
    void tagLoopIsADataExceptionNamingTheCycle() {
        tags.put("a", tag("[\"raw://1\"]", "[\"tag://b\"]"));
        tags.put("b", tag("[\"raw://2\"]", "[\"tag://a\"]"));
        DataException e = assertThrows(DataException.class, () -> schemes.expand("tag://a", context(Map.of())));
        assertEquals("tag://a", e.url());
        assertTrue(e.getMessage().contains("loop") && e.getMessage().contains(" -> "), e.getMessage());
    }

    @Test
    void tagLinkingToItselfIsALoop() {
        tags.put("self", tag("[\"tag://self\"]"));
        assertThrows(DataException.class, () -> schemes.expand("tag://self", context(Map.of())));
    }

    @Test
    void tagReachedByTwoPathsIsReadOnce() throws IOException {
        tags.put("top", tag("[\"tag://left\"]", "[\"tag://right\"]"));
        tags.put("left", tag("[\"tag://shared\"]"));
        tags.put("right", tag("[\"tag://shared\"]"));
        tags.put("shared", tag("[\"raw://s\"]"));
        assertEquals(List.of(blob("raw://s")), schemes.expand("tag://top", context(Map.of())));
        assertEquals(List.of("top", "left", "right", "shared"), requested);
    }

    @Test
    void linkedTagWithoutHostIsFetchedFromTheParentsHost() throws IOException {
        tags.put("p", tag("[\"tag://c\"]"));
        tags.put("c", tag("[\"raw://x\"]"));
        BasicSchemeContext noMaster = BasicSchemeContext.builder(schemes).systemProperties(false)
                .environment(Map.of()).build();
        String url = "tag://127.0.0.1:" + master.getAddress().getPort() + "/p";
        assertEquals(List.of(blob("raw://x")), schemes.expand(url, noMaster));
    }

    @Test
    void missingTagIsADataExceptionNamingTheTag() {
        DataException e = assertThrows(DataException.class, () -> schemes.expand("tag://nope", context(Map.of())));
        assertEquals("tag://nope", e.url());
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void missingLinkedTagIsADataExceptionNamingTheLinkedTag() {
        tags.put("p", tag("[\"raw://x\"]", "[\"tag://gone\"]"));
        DataException e = assertThrows(DataException.class, () -> schemes.expand("tag://p", context(Map.of())));
        assertEquals("tag://gone", e.url());
    }

    @Test
    void tokenInTheUrlIsSentAsBasicAuthorization() throws IOException {
        tags.put("disco:test:authjob", tag("[\"raw://x\"]"));
        schemes.expand("tag://user:r@/disco:test:authjob", context(Map.of()));
        assertEquals(List.of("Basic " + Base64.getEncoder().encodeToString("token:r".getBytes(StandardCharsets.UTF_8))),
                authorizations);
    }

    @Test
    void readTokenSettingIsSentWhenTheUrlHasNone() throws IOException {
        tags.put("t", tag("[\"raw://x\"]"));
        schemes.expand("tag://t", context(Map.of("DDFS_READ_TOKEN", "sesame")));
        assertEquals(List.of("Basic " + Base64.getEncoder().encodeToString("token:sesame".getBytes(StandardCharsets.UTF_8))),
                authorizations);
    }

    @Test
    void openYieldsTheTagDocument() throws IOException {
        tags.put("Job@5a2:1b3", tag("[\"raw://x\"]"));
        try (InputStream in = schemes.open("tag://Job@5a2:1b3", context(Map.of())).stream()) {
            assertEquals(tag("[\"raw://x\"]"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void malformedTagDocumentIsADataExceptionNamingTheTag() {
        tags.put("bad", "{\"urls\": [[\"raw://x\"]");
        DataException e = assertThrows(DataException.class, () -> schemes.expand("tag://bad", context(Map.of())));
        assertEquals("tag://bad", e.url());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void urlsThatAreNotListsOfUrlsAreADataException() {
        tags.put("flat", "{\"urls\": [\"raw://x\"]}");
        tags.put("empty", "{\"urls\": [[]]}");
        tags.put("none", "{\"id\": \"none\"}");
        for (String name : List.of("flat", "empty", "none")) {
            assertThrows(DataException.class, () -> schemes.expand("tag://" + name, context(Map.of())), name);
        }
    }

    @Test
    void malformedTagUrlsAreIllegalArguments() {
        for (String url : List.of("tag://", "tag://host/", "tag://a b", "tag://host:port/x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> schemes.expand(url, context(Map.of())), url);
            assertTrue(e.getMessage().contains(url), e.getMessage());
        }
    }
}
