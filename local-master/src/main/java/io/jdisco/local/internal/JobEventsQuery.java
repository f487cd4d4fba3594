package io.jdisco.local.internal;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code jobevents?name=<job>&num=N&filter=Q} (SPEC §11.1): the last {@code N} (default 10) event
 * lines whose text contains {@code Q}, newest first, as a JSON list of the events' arrays.
 */
final class JobEventsQuery {

    private JobEventsQuery() {
    }

    static void answer(HttpExchange ex, JobRecord job, Map<String, String> q) throws IOException {
        int num;
        try {
            num = Integer.parseInt(q.getOrDefault("num", "10"));
        } catch (NumberFormatException e) {
            Exchanges.error(ex, 400, "num must be an integer, got '" + q.get("num") + "'");
            return;
        }
        String filter = q.getOrDefault("filter", "");
        List<String> lines = Files.readAllLines(job.events().file(), StandardCharsets.UTF_8);
        List<Object> out = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && out.size() < num; i--) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            Object event = PythonJson.parse(line.getBytes(StandardCharsets.UTF_8));
            if (event instanceof List<?> l && l.size() == 3 && String.valueOf(l.get(2)).contains(filter)) {
                out.add(event);
            }
        }
        Exchanges.json(ex, 200, out);
    }
}
