package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.cli.CliRun;
import io.jdisco.cli.TestHttp;
import io.jdisco.local.LocalMaster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: a job run against a {@code jdisco master} names its status page on standard error at
 * the start; against a master without the pages (a Disco master) or on the embedded master, which
 * ends with the command, it names none.
 */
class StatusPageLineTest {
    @Test
    void aJobOnAJdiscoMasterNamesItsStatusPage() throws Exception {
        try (LocalMaster master = LocalMaster.start()) {
            CliRun run = CliRun.of("wordcount", "--master", master.url(), "raw://status page");
            assertEquals(0, run.status(), run.describe());
            Matcher m = Pattern.compile("(?m)^job (\\S+) on .*\\nstatus page: (\\S+)$").matcher(run.err());
            assertTrue(m.find(), run.err());
            assertEquals(StatusPage.of(URI.create(master.url()), m.group(1)).toString(), m.group(2));
            assertTrue(m.group(2).startsWith(master.url() + "/job/WordCount%40"), m.group(2));
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(2)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(StatusPage.MARK), page.body());
        }
    }

    @Test
    void aMasterThatDoesNotServeThePageGetsNoLine() throws Exception {
        try (TestHttp other = new TestHttp()) {
            String base = other.serve("/", "<html>Disco</html>".getBytes(StandardCharsets.UTF_8));
            URI master = URI.create(base.substring(0, base.length() - 1));
            assertEquals(Optional.empty(), StatusPage.probe(master, "Job@1:2:3"), "404 for /job/...");
            other.serve("/job/Job%401%3A2%3A3", "<html>a page, but not ours</html>".getBytes(StandardCharsets.UTF_8));
            assertEquals(Optional.empty(), StatusPage.probe(master, "Job@1:2:3"), "no jdisco mark");
        }
        assertEquals(Optional.empty(), StatusPage.probe(URI.create("http://127.0.0.1:1"), "Job@1:2:3"), "unreachable");
    }

    @Test
    void theEmbeddedMasterNamesNoPage() {
        CliRun run = CliRun.of("wordcount", "raw://embedded");
        assertEquals(0, run.status(), run.describe());
        assertTrue(run.err().contains("(embedded local master"), run.err());
        assertFalse(run.err().contains("status page:"), run.err());
    }
}
