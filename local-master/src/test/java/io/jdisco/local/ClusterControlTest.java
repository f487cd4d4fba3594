package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.Http;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.jobpack.JobPack;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster control operations Disco's Python client and test suite use ({@code nodeinfo}, the
 * config table, blacklists, settings), over HTTP. The expected answers are the ones a Disco 0.5.4
 * master (be65272d, one node "localhost" with 2 workers, built by ../shared/real-disco) gave to
 * the same requests.
 */
class ClusterControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    @AfterEach
    void restore() throws Exception {
        http.call("POST", "/disco/ctrl/save_config_table", "[[\"localhost\",\"2\"]]");
        http.call("POST", "/disco/ctrl/whitelist", "\"localhost\"");
        http.call("POST", "/disco/ctrl/save_settings", "{\"accept_new_jobs\":\"1\"}");
    }

    private static JsonNode json(String path) throws Exception {
        return JSON.readTree(http.get(path));
    }

    @Test
    void nodeInfoDescribesTheOneNodeLikeTheMaster() throws Exception {
        // Disco 0.5.4: {"localhost":{"job_ok":190,"data_error":0,"error":0,"max_workers":2,
        //   "connected":true,"blacklisted":false,"diskfree":82828952,"diskused":23561960}}
        JsonNode info = json("/disco/ctrl/nodeinfo");
        assertEquals(List.of("localhost"), names(info));
        JsonNode node = info.get("localhost");
        assertEquals(List.of("job_ok", "data_error", "error", "max_workers", "connected", "blacklisted", "diskfree",
                "diskused"), names(node));
        assertEquals(2, node.get("max_workers").asInt());
        assertTrue(node.get("connected").asBoolean());
        assertTrue(!node.get("blacklisted").asBoolean());
        assertTrue(node.get("diskfree").asLong() > 0 && node.get("diskused").asLong() > 0, node.toString());
    }

    @Test
    void nodeInfoListsTheJobOfEachRunningTask() throws Exception {
        String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Busy", List.of("raw://a"), true, false, 1),
                TestPacks.shellWorker("sleep 30")));
        try {
            Await.until(() -> {
                JsonNode tasks = json("/disco/ctrl/nodeinfo").get("localhost").get("tasks");
                return tasks != null && tasks.toString().contains(job);
            }, Duration.ofSeconds(20), "nodeinfo lists the task of " + job);
            JsonNode node = json("/disco/ctrl/nodeinfo").get("localhost");
            // Disco puts "tasks" (one job name per running task) first when a task runs
            assertEquals("tasks", names(node).get(0), node.toString());
            assertTrue(node.get("tasks").toString().contains("\"" + job + "\""), node.toString());
        } finally {
            f.disco.kill(job);
        }
    }

    @Test
    void configTableIsSavedValidatedAndListed() throws Exception {
        assertEquals("[[\"localhost\",\"2\"]]", http.get("/disco/ctrl/load_config_table"));
        assertAnswer(400, "\"duplicate nodes\"", http.call("POST", "/disco/ctrl/save_config_table",
                "[[\"localhost\",\"2\"],[\"localhost\",\"1\"]]"));
        assertAnswer(400, "\"invalid config\"", http.call("POST", "/disco/ctrl/save_config_table",
                "[[\"localhost\",\"x\"]]"));
        assertAnswer(400, "\"string expected, '2' received\"", http.call("POST", "/disco/ctrl/save_config_table",
                "[[\"localhost\",2]]"));
        String table = "[[\"localhost\",\"2\"],[\"missingnode_0\",\"1\"]]";
        assertAnswer(200, "\"table saved!\"", http.call("POST", "/disco/ctrl/save_config_table", table));
        assertEquals(table, http.get("/disco/ctrl/load_config_table"));
        JsonNode missing = json("/disco/ctrl/nodeinfo").get("missingnode_0");
        assertEquals(1, missing.get("max_workers").asInt());
        assertTrue(!missing.get("connected").asBoolean(), missing.toString());
        // a range row n01:03 names n01, n02, n03
        http.call("POST", "/disco/ctrl/save_config_table", "[[\"localhost\",\"2\"],[\"n01:03\",\"1\"]]");
        assertEquals(List.of("localhost", "n01", "n02", "n03"), names(json("/disco/ctrl/nodeinfo")));
    }

    @Test
    void blacklistHoldsOnlyTheTableHostsAndWhitelistClears() throws Exception {
        assertAnswer(200, "\"\"", http.call("POST", "/disco/ctrl/blacklist", "\"nosuchnode\""));
        assertEquals("[]", http.get("/disco/ctrl/get_blacklist"));
        assertAnswer(400, "\"string expected, '5' received\"", http.call("POST", "/disco/ctrl/blacklist", "5"));
        assertAnswer(200, "\"\"", http.call("POST", "/disco/ctrl/blacklist", "\"localhost\""));
        assertEquals("[\"localhost\"]", http.get("/disco/ctrl/get_blacklist"));
        assertTrue(json("/disco/ctrl/nodeinfo").get("localhost").get("blacklisted").asBoolean());
        assertAnswer(200, "\"\"", http.call("POST", "/disco/ctrl/whitelist", "\"localhost\""));
        assertEquals("[]", http.get("/disco/ctrl/get_blacklist"));
        assertAnswer(200, "\"\"", http.call("POST", "/disco/ctrl/gc_blacklist", "\"localhost\""));
        assertEquals("[\"localhost\"]", http.get("/disco/ctrl/get_gc_blacklist"));
        http.call("POST", "/disco/ctrl/gc_whitelist", "\"localhost\"");
        assertEquals("[]", http.get("/disco/ctrl/get_gc_blacklist"));
    }

    @Test
    void savingATableDropsTheBlacklistedHostsItNoLongerNames() throws Exception {
        // disco_config:do_save_config_table keeps only the blacklisted hosts of the new table
        http.call("POST", "/disco/ctrl/save_config_table", "[[\"localhost\",\"2\"],[\"other\",\"1\"]]");
        http.call("POST", "/disco/ctrl/blacklist", "\"other\"");
        http.call("POST", "/disco/ctrl/blacklist", "\"localhost\"");
        assertEquals("[\"localhost\",\"other\"]", http.get("/disco/ctrl/get_blacklist"));
        assertTrue(json("/disco/ctrl/nodeinfo").get("other").get("blacklisted").asBoolean());
        http.call("POST", "/disco/ctrl/save_config_table", "[[\"localhost\",\"2\"]]");
        assertEquals("[\"localhost\"]", http.get("/disco/ctrl/get_blacklist"));
    }

    @Test
    void acceptNewJobsZeroRefusesSubmissions() throws Exception {
        assertEquals("{\"max_failure_rate\":3,\"accept_new_jobs\":1}", http.get("/disco/ctrl/get_settings"));
        assertAnswer(200, "\"Settings saved\"", http.call("POST", "/disco/ctrl/save_settings",
                "{\"accept_new_jobs\":\"0\"}"));
        assertEquals("{\"max_failure_rate\":3,\"accept_new_jobs\":0}", http.get("/disco/ctrl/get_settings"));
        HttpResponse<String> r = http.post("/disco/job/new", TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("No", List.of("raw://a"), true, false, 1), Map.of()));
        assertAnswer(403, "No new jobs should be submitted to this cluster.", r);
        http.call("POST", "/disco/ctrl/save_settings", "{\"accept_new_jobs\":\"1\"}");
        assertTrue(f.disco.submit(TestPacks.wordPack(JobPack.VERSION1, TestPacks.classic("Yes", List.of("raw://a"),
                true, false, 1), Map.of())).startsWith("Yes@"));
    }

    @Test
    void unknownOperationIs404() throws Exception {
        assertEquals(404, http.call("POST", "/disco/ctrl/nosuch", "\"x\"").statusCode());
        assertEquals(404, http.call("GET", "/ddfs/ctrl/nosuch", null).statusCode());
    }

    private static void assertAnswer(int status, String body, HttpResponse<String> r) {
        assertEquals(status + " " + body, r.statusCode() + " " + r.body());
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
