package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.jobpack.JobPack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DDFS tag store and blob upload (SPEC §11.4), and {@code save_results}. */
class DdfsTest {
    private static Fixture f;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        f = new Fixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        URI uri = URI.create(path.startsWith("http") ? path : f.master.url() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).method(method, p).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tagPutGetAppendAndList() throws Exception {
        assertEquals(200, call("PUT", "/ddfs/tag/data:words", "[[\"disco://localhost/ddfs/vol0/blob/aa/x$1-2-3\"]]")
                .statusCode());
        assertEquals(200, call("POST", "/ddfs/tag/data:words?update=1",
                "[[\"disco://localhost/ddfs/vol0/blob/aa/x$1-2-3\"], [\"http://h/1\", \"http://h2/1\"]]").statusCode());
        call("PUT", "/ddfs/tag/data:other", "[]");
        call("PUT", "/ddfs/tag/misc", "[]");
        JsonNode tag = JSON.readTree(call("GET", "/ddfs/tag/data:words", null).body());
        // new URL lists go in front, as on Disco 0.5.4
        assertEquals("[[\"http://h/1\",\"http://h2/1\"],[\"disco://localhost/ddfs/vol0/blob/aa/x$1-2-3\"]]",
                tag.get("urls").toString());
        assertTrue(tag.get("id").asText().startsWith("data:words$"), tag.toString());
        assertEquals(1, tag.get("version").asInt()); // the tag format's version, always 1 in Disco 0.5.4
        assertEquals("[\"data:other\",\"data:words\"]", call("GET", "/ddfs/tags/data", null).body());
        assertEquals("[\"data:other\",\"data:words\"]", call("GET", "/ddfs/tags/data/", null).body());
        assertEquals(3, JSON.readTree(call("GET", "/ddfs/tags", null).body()).size());
    }

    @Test
    void missingTagIs404AndDeleteRemovesATag() throws Exception {
        assertEquals(404, call("GET", "/ddfs/tag/no:such:tag", null).statusCode());
        call("PUT", "/ddfs/tag/short:lived", "[]");
        assertEquals(200, call("DELETE", "/ddfs/tag/short:lived", null).statusCode());
        assertEquals(404, call("GET", "/ddfs/tag/short:lived", null).statusCode());
    }

    @Test
    void userAttributesAreStoredAndReservedNamesRefused() throws Exception {
        call("PUT", "/ddfs/tag/attrs", "[]");
        assertEquals(200, call("PUT", "/ddfs/tag/attrs/colour", "\"blue\"").statusCode());
        assertEquals("\"blue\"", call("GET", "/ddfs/tag/attrs/colour", null).body());
        assertEquals("{\"colour\":\"blue\"}", JSON.readTree(call("GET", "/ddfs/tag/attrs", null).body())
                .get("user-data").toString());
        assertEquals(404, call("GET", "/ddfs/tag/attrs/ddfs:other", null).statusCode());
        assertEquals(404, call("PUT", "/ddfs/tag/attrs/ddfs:a1", "\"v\"").statusCode());
    }

    @Test
    void blobUploadGoesToDdfsDataAndIsServed() throws Exception {
        JsonNode urls = JSON.readTree(call("GET", "/ddfs/new_blob/my_blob", null).body());
        String put = urls.get(0).asText();
        assertTrue(put.startsWith(f.master.url() + "/ddfs/vol0/blob/"), put);
        HttpResponse<String> r = call("PUT", put, "blob bytes");
        String url = JSON.readTree(r.body()).asText();
        assertTrue(url.matches("disco://localhost/ddfs/vol0/blob/[0-9a-f]{2}/my_blob\\$[0-9a-f]+-[0-9a-f]+-[0-9a-f]+"), url);
        String relative = url.substring("disco://localhost/ddfs/".length());
        assertEquals("blob bytes", Files.readString(f.master.ddfsData().resolve(relative)));
        assertEquals("blob bytes", call("GET", "/ddfs/" + relative.replace("$", "%24"), null).body());
    }

    @Test
    void invalidBlobNameIsRefused() throws Exception {
        // Disco 0.5.4: 403 "Invalid tag"
        HttpResponse<String> r = call("GET", "/ddfs/new_blob/bad%20name", null);
        assertEquals("403 Invalid tag", r.statusCode() + " " + r.body());
    }

    @Test
    void saveResultsToHdfsKillsTheJobWithTheReason() throws Exception {
        Map<String, Object> d = TestPacks.classic("Hdfs", List.of("raw://a"), true, false, 1);
        d.put("save_results", true);
        d.put("save_info", "hdfs,namenode:9000,user,/dir");
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1, d, Map.of()));
        io.jdisco.worker.JobException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.jdisco.worker.JobException.class, () -> f.await(job));
        assertTrue(e.getMessage().contains("asks for HDFS"), e.getMessage());
    }

    @Test
    void saveResultsPushesOutputsToDdfsAndReturnsTheTag() throws Exception {
        Map<String, Object> d = TestPacks.classic("Saved", List.of("raw://a,b", "raw://b"), true, false, 1);
        d.put("save_results", true);
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1, d, Map.of()));
        assertEquals(List.of(List.of("tag://disco:results:" + job)), f.await(job));
        // on the wire the tag is a bare URL, not a replica list, as Disco 0.5.4 answers
        assertEquals("[[\"" + job + "\",[\"ready\",[\"tag://disco:results:" + job + "\"]]]]",
                call("POST", "/disco/ctrl/get_results", "[0,[\"" + job + "\"]]").body());
        JsonNode tag = JSON.readTree(call("GET", "/ddfs/tag/disco:results:" + job, null).body());
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode replicas : tag.get("urls")) {
            String url = replicas.get(0).asText();
            assertTrue(url.startsWith("disco://localhost/ddfs/vol0/blob/"), url);
            String blob = Files.readString(f.master.ddfsData().resolve(url.substring("disco://localhost/ddfs/".length())),
                    StandardCharsets.UTF_8);
            for (String line : blob.split("\n")) {
                String[] kv = line.split("\t");
                counts.merge(kv[0], Long.parseLong(kv[1]), Long::sum);
            }
        }
        assertEquals(Map.of("a", 1L, "b", 2L), counts);
    }
}
