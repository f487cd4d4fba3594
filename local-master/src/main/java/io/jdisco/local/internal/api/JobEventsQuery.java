package io.jdisco.local.internal.api;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.internal.files.EventLog;
import io.jdisco.local.internal.http.Exchanges;
import io.jdisco.local.internal.jobs.JobRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code jobevents?name=<job>&num=N&filter=Q} (SPEC §11.1): the last {@code N} (default 10) event
 * lines whose text contains {@code Q}, newest first, as a JSON list of the events' arrays. The log
 * is read up to its last whole record ({@link EventLog#records}): a torn tail is not an error.
 */
public final class JobEventsQuery {

    private JobEventsQuery() {
    }

    public static void answer(HttpExchange ex, JobRecord job, Map<String, String> q) throws IOException {
        int num;
        try {
            num = Integer.parseInt(q.getOrDefault("num", "10"));
        } catch (NumberFormatException e) {
            Exchanges.error(ex, 400, "num must be an integer, got '" + q.get("num") + "'");
            return;
        }
        String filter = q.getOrDefault("filter", "");
        List<List<String>> records = job.events().records();
        List<Object> out = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0 && out.size() < num; i--) {
            List<String> event = records.get(i);
            if (event.get(2).contains(filter)) {
                out.add(event);
            }
        }
        Exchanges.json(ex, 200, out);
    }
}
