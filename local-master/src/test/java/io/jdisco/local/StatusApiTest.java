package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.RawHttp;
import io.jdisco.local.testing.StatusJobs;
import io.jdisco.worker.JobException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, without a browser: the API the status pages read ({@code joblist_detail},
 * {@code job_detail}, {@code counters}), the pages' types and security headers, and that Kill and
 * Purge, which a page sends with its {@code Origin}, are refused from another site's page.
 */
class StatusApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Fixture f;
    private static String finished;
    private static String failed;

    @BeforeAll
    static void start() throws Exception {
        f = new Fixture();
        finished = f.disco.submit(StatusJobs.pack("Finished", StatusJobs.FINISHES, true));
        f.await(finished);
        failed = f.disco.submit(StatusJobs.pack("Failing", StatusJobs.FAILS, false));
        assertThrows(JobException.class, () -> f.await(failed));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(f.master.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String q(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    @Test
    void joblistDetailListsTheJobsNewestFirstWithTheirStages() throws Exception {
        JsonNode list = json("/disco/ctrl/joblist_detail");
        assertEquals(2, list.get("total").asInt());
        assertTrue(list.get("now").asLong() >= list.get("jobs").get(0).get("ended").asLong());
        JsonNode dead = list.get("jobs").get(0);
        assertEquals(failed, dead.get("name").asText());
        assertEquals("dead", dead.get("status").asText());
        JsonNode ready = list.get("jobs").get(1);
        assertEquals(finished, ready.get("name").asText());
        assertEquals("ready", ready.get("status").asText());
        assertTrue(ready.get("ended").asLong() >= ready.get("submitted").asLong());
        assertEquals(JSON.readTree("[{\"stage\":\"map\",\"tasks\":1,\"running\":0,\"done\":1,\"failed\":0},"
                + "{\"stage\":\"map_shuffle\",\"tasks\":1,\"running\":0,\"done\":1,\"failed\":0},"
                + "{\"stage\":\"reduce\",\"tasks\":1,\"running\":0,\"done\":1,\"failed\":0}]"), ready.get("stages"));
        assertEquals(2, dead.get("stages").get(0).get("failed").asInt(), "two failed attempts");

        JsonNode one = json("/disco/ctrl/joblist_detail?limit=1");
        assertEquals(2, one.get("total").asInt());
        assertEquals(List.of(failed), List.of(one.get("jobs").get(0).get("name").asText()));
        assertEquals(1, one.get("jobs").size());
        for (String bad : List.of("-1", "1001", "x", "")) {
            HttpResponse<String> r = get("/disco/ctrl/joblist_detail?limit=" + bad);
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains("limit must be an integer from 0 to 1000"), r.body());
        }
    }

    @Test
    void jobDetailAddsTheResultsAndCountersAreSummedAsTheClientDoes() throws Exception {
        JsonNode job = json("/disco/ctrl/job_detail?name=" + q(finished));
        assertEquals(finished, job.get("name").asText());
        assertEquals(JSON.readTree("[[\"raw://done\"]]"), job.get("results"));
        assertTrue(job.get("now").isNumber());
        assertEquals(404, get("/disco/ctrl/job_detail?name=NoSuchJob").statusCode());
        assertEquals(400, get("/disco/ctrl/job_detail").statusCode());

        JsonNode counters = json("/disco/ctrl/counters?name=" + q(finished));
        assertEquals(3, counters.get("tasks").asInt());
        assertEquals(JSON.readTree("{\"lines\":9,\"words\":21}"), counters.get("totals"));
        assertEquals(Map.of("lines", 9L, "words", 21L), f.disco.counters(finished).totals(),
                "the command line's rule");
        assertEquals(JSON.readTree("{\"tasks\":0,\"totals\":{}}"), json("/disco/ctrl/counters?name=" + q(failed)));
        assertEquals(404, get("/disco/ctrl/counters?name=NoSuchJob").statusCode());
    }

    @Test
    void pagesAndAssetsCarryTheirTypesAndAStrictPolicy() throws Exception {
        Map<String, String> types = Map.of("/", "text/html; charset=utf-8",
                StatusJobs.page(finished), "text/html; charset=utf-8",
                "/ui/assets/status.js", "text/javascript; charset=utf-8",
                "/ui/assets/status.css", "text/css; charset=utf-8",
                "/ui/assets/icon.svg", "image/svg+xml");
        for (Map.Entry<String, String> e : types.entrySet()) {
            HttpResponse<String> r = get(e.getKey());
            assertEquals(200, r.statusCode(), e.getKey());
            assertEquals(e.getValue(), r.headers().firstValue("Content-Type").orElse(""), e.getKey());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.startsWith("default-src 'self'; script-src 'self';")
                    && csp.contains("frame-ancestors 'none'")
                    && !csp.contains("unsafe"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), e.getKey());
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), e.getKey());
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""), e.getKey());
            String etag = r.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, HTTP.send(HttpRequest.newBuilder(URI.create(f.master.url() + e.getKey()))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        String page = get("/").body();
        assertTrue(page.contains("<script src=\"/ui/assets/status.js\" defer></script>"), page);
        assertTrue(!page.contains("http://") && !page.contains("https://"), "nothing from another site: " + page);
        for (String missing : List.of("/ui/assets/nope.js", "/ui/assets/../jobs.html", "/ui/assets/jobs.html", "/job/",
                "/ui/", "/jobs")) {
            assertEquals(404, get(missing).statusCode(), missing);
        }
        assertEquals("nosniff", get("/disco/ctrl/joblist").headers().firstValue("X-Content-Type-Options").orElse(""),
                "the API's replies too");
    }

    @Test
    void killAndPurgeFromAnotherSitesPageAreRefusedAndFromTheMastersOwnPageAccepted() throws Exception {
        String job = f.disco.submit(StatusJobs.pack("Victim", StatusJobs.WAITS, false));
        int port = f.master.port();
        byte[] body = ("\"" + job + "\"").getBytes(StandardCharsets.UTF_8);
        for (String op : List.of("kill_job", "purge_job")) {
            RawHttp.Reply r = RawHttp.local(port).header("Host", "127.0.0.1:" + port)
                    .header("Origin", "http://evil.example").header("Content-Type", "application/json")
                    .send("POST", "/disco/ctrl/" + op, body);
            assertEquals(403, r.status(), op + ": " + r.body());
        }
        assertEquals("active", json("/disco/ctrl/job_detail?name=" + q(job)).get("status").asText());
        RawHttp.Reply own = RawHttp.local(port).header("Host", "127.0.0.1:" + port)
                .header("Origin", "http://127.0.0.1:" + port).header("Content-Type", "application/json")
                .send("POST", "/disco/ctrl/kill_job", body);
        assertEquals(200, own.status(), own.body());
        assertEquals("dead", json("/disco/ctrl/job_detail?name=" + q(job)).get("status").asText());
        f.disco.purge(job);
    }
}
