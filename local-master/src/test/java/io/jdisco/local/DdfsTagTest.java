package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DDFS tags as Disco's {@code ddfs} client and test suite use them: answers, incarnations, update
 * order and duplicates, deletion, tokens. Every expected status and body was observed on a Disco
 * 0.5.4 master (be65272d, one node "localhost") for the same requests.
 */
class DdfsTagTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOB_X = "disco://localhost/ddfs/vol0/blob/aa/x$1-2-3";
    private static final String BLOB_Y = "disco://localhost/ddfs/vol0/blob/bb/y$1-2-4";
    private static Fixture f;
    private static Http http;

    @BeforeAll
    static void start() {
        f = new Fixture();
        http = new Http(f.master.url());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static JsonNode doc(String tag) throws Exception {
        return JSON.readTree(http.get("/ddfs/tag/" + tag));
    }

    @Test
    void putAnswersTheIncarnationsLocationAndGetTheDocument() throws Exception {
        HttpResponse<String> r = http.call("PUT", "/ddfs/tag/t:put", "[[\"raw://x\"]]");
        assertEquals(200, r.statusCode());
        // ["disco://localhost/ddfs/vol0/tag/25/conform:probe1$704-9a70f-bddb6"]
        JsonNode loc = JSON.readTree(r.body());
        JsonNode d = doc("t:put");
        assertEquals(1, loc.size());
        assertTrue(loc.get(0).asText().matches("disco://localhost/ddfs/vol0/tag/[0-9a-f]{2}/t:put\\$[0-9a-f-]+"),
                loc.toString());
        assertTrue(loc.get(0).asText().endsWith("/" + d.get("id").asText()), loc + " " + d);
        // {"version":1,"id":"...","last-modified":"2026/12/07 08:36:31","urls":[["raw://x"]],"user-data":{}}
        List<String> keys = new ArrayList<>();
        d.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("version", "id", "last-modified", "urls", "user-data"), keys);
        assertEquals(1, d.get("version").asInt());
        assertTrue(d.get("last-modified").asText().matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d"), d.toString());
        assertEquals("[[\"raw://x\"]]", http.get("/ddfs/tag/t:put/ddfs:urls"));
        assertEquals("null", http.get("/ddfs/tag/t:put/ddfs:read-token"));
        assertEquals("null", http.get("/ddfs/tag/t:put/ddfs:write-token"));
    }

    @Test
    void updatesGoInFrontAndOnlyChangesMakeANewIncarnation() throws Exception {
        http.call("PUT", "/ddfs/tag/t:upd", "[[\"raw://x\"]]");
        String id = doc("t:upd").get("id").asText();
        http.call("POST", "/ddfs/tag/t:upd", "[]");
        assertEquals(id, doc("t:upd").get("id").asText(), "an empty update changes nothing");
        // a URL that names no blob is never a duplicate, even with update=1
        http.call("POST", "/ddfs/tag/t:upd?update=1", "[[\"raw://x\"]]");
        assertNotEquals(id, doc("t:upd").get("id").asText());
        http.call("POST", "/ddfs/tag/t:upd", "[[\"raw://y\"]]");
        assertEquals("[[\"raw://y\"],[\"raw://x\"],[\"raw://x\"]]", doc("t:upd").get("urls").toString());
    }

    @Test
    void updateOneDropsKnownBlobsAndReversesTheNewOnes() throws Exception {
        http.call("POST", "/ddfs/tag/t:nodup?update=1", "[[\"" + BLOB_X + "\"]]");
        http.call("POST", "/ddfs/tag/t:nodup?update=1", "[[\"" + BLOB_X + "\"],[\"raw://q\"],[\"" + BLOB_Y + "\"]]");
        assertEquals("[[\"" + BLOB_Y + "\"],[\"raw://q\"],[\"" + BLOB_X + "\"]]", doc("t:nodup").get("urls").toString());
        String id = doc("t:nodup").get("id").asText();
        http.call("POST", "/ddfs/tag/t:nodup?update=1", "[[\"" + BLOB_Y + "\"]]");
        assertEquals(id, doc("t:nodup").get("id").asText(), "nothing new, no new incarnation");
    }

    @Test
    void deletionAnswersDeletedEvenForAMissingTag() throws Exception {
        http.call("PUT", "/ddfs/tag/t:del", "[]");
        assertAnswer(200, "\"deleted\"", http.call("DELETE", "/ddfs/tag/t:del", null));
        assertAnswer(200, "\"deleted\"", http.call("DELETE", "/ddfs/tag/t:del", null));
        assertAnswer(404, "Tag not found.", http.call("GET", "/ddfs/tag/t:del", null));
        assertAnswer(404, "Tag not found.", http.call("GET", "/ddfs/tag/t:del/a", null));
        assertAnswer(404, "Tag attribute not found.", http.call("DELETE", "/ddfs/tag/t:del/a", null));
        http.call("PUT", "/ddfs/tag/t:del", "[]");
        assertAnswer(404, "Tag attribute not found.", http.call("GET", "/ddfs/tag/t:del/zz", null));
        assertAnswer(200, "\"deleted\"", http.call("DELETE", "/ddfs/tag/t:del/zz", null));
    }

    @Test
    void invalidNamesBodiesAndValuesAreRefused() throws Exception {
        assertAnswer(403, "Invalid tag", http.call("GET", "/ddfs/tag/bad%20name", null));
        assertAnswer(403, "Invalid request body.", http.call("POST", "/ddfs/tag/t:bad", "[["));
        assertAnswer(403, "Invalid url object", http.call("POST", "/ddfs/tag/t:bad", "[\"x\"]"));
        http.call("PUT", "/ddfs/tag/t:bad", "[]");
        assertAnswer(403, "Invalid attribute key or value", http.call("PUT", "/ddfs/tag/t:bad/a3", "5"));
        assertAnswer(404, "Tag attribute not found.", http.call("PUT", "/ddfs/tag/t:bad/ddfs:a1", "\"v\""));
    }

    @Test
    void aReadTokenGuardsReadsOnly() throws Exception {
        http.call("PUT", "/ddfs/tag/t:rd", "[]");
        http.call("PUT", "/ddfs/tag/t:rd/a", "\"v\"");
        http.call("PUT", "/ddfs/tag/t:rd/ddfs:read-token", "\"rdr\"");
        assertAnswer(401, "Incorrect or missing token.", http.call("GET", "/ddfs/tag/t:rd/a", null));
        assertAnswer(401, "Incorrect or missing token.", http.call("GET", "/ddfs/tag/t:rd/a", null, "rand"));
        assertAnswer(401, "Incorrect or missing token.", http.call("GET", "/ddfs/tag/t:rd", null));
        assertAnswer(200, "\"v\"", http.call("GET", "/ddfs/tag/t:rd/a", null, "rdr"));
        assertEquals(200, http.call("PUT", "/ddfs/tag/t:rd/a2", "\"v2\"").statusCode(), "no write token: anyone writes");
    }

    @Test
    void aWriteTokenGuardsWritesAndItself() throws Exception {
        http.call("PUT", "/ddfs/tag/t:wr", "[]");
        http.call("PUT", "/ddfs/tag/t:wr/a", "\"v\"");
        http.call("PUT", "/ddfs/tag/t:wr/ddfs:write-token", "\"wtr\"");
        assertAnswer(200, "\"v\"", http.call("GET", "/ddfs/tag/t:wr/a", null));
        assertAnswer(200, "\"v\"", http.call("GET", "/ddfs/tag/t:wr/a", null, "rand"));
        assertAnswer(401, "Incorrect or missing token.", http.call("GET", "/ddfs/tag/t:wr/ddfs:write-token", null));
        assertAnswer(401, "Incorrect or missing token.", http.call("PUT", "/ddfs/tag/t:wr/a2", "\"v2\""));
        assertAnswer(401, "Incorrect or missing token.", http.call("POST", "/ddfs/tag/t:wr", "[[\"x\"]]"));
        assertAnswer(401, "Incorrect or missing token.", http.call("DELETE", "/ddfs/tag/t:wr", null));
        assertEquals(200, http.call("PUT", "/ddfs/tag/t:wr/a2", "\"v2\"", "wtr").statusCode());
        // Disco's check_token: the write token matches an unset read token first, which gives read
        // privilege only, and the write token is shown to writers alone: 401 on Disco 0.5.4 too
        assertAnswer(401, "Incorrect or missing token.", http.call("GET", "/ddfs/tag/t:wr/ddfs:write-token", null,
                "wtr"));
        assertAnswer(200, "\"deleted\"", http.call("DELETE", "/ddfs/tag/t:wr", null, "wtr"));
    }

    @Test
    void aTagCreatedWithATokenGetsItAsBothTokens() throws Exception {
        http.call("PUT", "/ddfs/tag/t:atomic", "[]", "secret2");
        assertAnswer(401, "Incorrect or missing token.", http.call("GET", "/ddfs/tag/t:atomic/foobar", null));
        assertAnswer(200, "\"secret2\"", http.call("GET", "/ddfs/tag/t:atomic/ddfs:write-token", null, "secret2"));
        assertAnswer(200, "\"secret2\"", http.call("GET", "/ddfs/tag/t:atomic/ddfs:read-token", null, "secret2"));
        // an empty token is a token: a tag whose tokens are "" is read and written with ""
        http.call("PUT", "/ddfs/tag/t:empty", "[]");
        http.call("PUT", "/ddfs/tag/t:empty/ddfs:read-token", "\"\"");
        http.call("PUT", "/ddfs/tag/t:empty/ddfs:write-token", "\"\"");
        assertEquals(401, http.call("GET", "/ddfs/tag/t:empty", null).statusCode());
        assertEquals(200, http.call("PUT", "/ddfs/tag/t:empty/a2", "\"v2\"", "").statusCode());
        assertAnswer(200, "\"v2\"", http.call("GET", "/ddfs/tag/t:empty/a2", null, ""));
    }

    private static void assertAnswer(int status, String body, HttpResponse<String> r) {
        assertEquals(status + " " + body, r.statusCode() + " " + r.body());
    }
}
