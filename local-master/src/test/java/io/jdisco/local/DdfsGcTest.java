package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /ddfs/ctrl/gc_*}: the answers of Disco 0.5.4 ({@code gc_start} "GC has started",
 * {@code gc_status} "" when idle, {@code gc_stats} {"timestamp", "stats": {"Tags kept": [n, bytes],
 * ...}}) and what the collection does: orphaned blobs older than 5 days go, tagged or young ones stay.
 */
class DdfsGcTest {
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

    private static String push(String name, String data) throws Exception {
        String put = JSON.readTree(http.get("/ddfs/new_blob/" + name)).get(0).asText();
        return JSON.readTree(http.call("PUT", put.substring(f.master.url().length()), data).body()).asText();
    }

    private static Path file(String url) {
        return f.master.ddfsData().resolve(url.substring("disco://localhost/ddfs/".length()));
    }

    @Test
    void collectsOldOrphansOnly() throws Exception {
        assertEquals("\"\"", http.get("/ddfs/ctrl/gc_status"));
        assertEquals("\"\"", http.get("/ddfs/ctrl/gc_stats"));
        assertEquals("[]", http.get("/ddfs/ctrl/safe_gc_blacklist"));
        String tagged = push("tagged", "kept");
        String oldOrphan = push("old_orphan", "gone");
        String youngOrphan = push("young_orphan", "young");
        http.call("PUT", "/ddfs/tag/gc:keep", "[[\"" + tagged + "\"]]");
        FileTime sixDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(6)));
        Files.setLastModifiedTime(file(tagged), sixDaysAgo);
        Files.setLastModifiedTime(file(oldOrphan), sixDaysAgo);

        assertEquals("\"GC has started\"", http.get("/ddfs/ctrl/gc_start"));
        Await.until(() -> http.get("/ddfs/ctrl/gc_status").equals("\"\""), Duration.ofSeconds(20), "the GC ends");
        assertEquals("\"\"", http.get("/ddfs/ctrl/gc_status"));
        assertTrue(Files.exists(file(tagged)));
        assertTrue(Files.exists(file(youngOrphan)));
        assertFalse(Files.exists(file(oldOrphan)));
        JsonNode stats = JSON.readTree(http.get("/ddfs/ctrl/gc_stats"));
        assertTrue(stats.get("timestamp").asText().matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d"), stats.toString());
        assertEquals("[2,9]", stats.get("stats").get("Blobs kept").toString());
        assertEquals("[1,4]", stats.get("stats").get("Blobs deleted").toString());
        assertEquals("[1,0]", stats.get("stats").get("Tags kept").toString());
    }
}
