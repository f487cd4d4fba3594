package io.jdisco.local.internal.status;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.internal.http.Exchanges;
import io.jdisco.local.internal.jobs.JobRecord;
import io.jdisco.local.internal.jobs.JobRegistry;
import io.jdisco.worker.core.client.JobCounters;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The control operations the status pages need beyond Disco's API (module README, "HTTP API"),
 * each answered from the same {@link JobRecord}s and event logs as {@code jobinfo} and
 * {@code rawevents}:
 *
 * <ul>
 *   <li>{@code joblist_detail?limit=N} — the newest {@code N} jobs (default and most
 *       {@value #MAX_LIMIT}) with their status, submission and end times and per-stage task
 *       counts, in one reply, so that the jobs page does not ask {@code jobinfo} once per job;</li>
 *   <li>{@code job_detail?name=J} — the same for one job, with its results;</li>
 *   <li>{@code counters?name=J} — the job's counter totals, summed from its event log by
 *       {@link JobCounters}, the rule the command line uses, so the pages do not repeat it.</li>
 * </ul>
 *
 * Times are milliseconds since the epoch; {@code now} is the master's clock, against which a page
 * measures how long an active job has run.
 */
public final class StatusQueries {
    /** The most jobs one {@code joblist_detail} reply lists. */
    static final int MAX_LIMIT = 1000;


    private StatusQueries() {
    }

    /** {@code joblist_detail}: {@code {"now", "total", "jobs": [detail, ...]}}, newest first. */
    public static void jobList(HttpExchange ex, JobRegistry registry, Map<String, String> q) throws IOException {
        String text = q.getOrDefault("limit", Integer.toString(MAX_LIMIT));
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            Exchanges.error(ex, 400, "limit must be an integer from 0 to " + MAX_LIMIT + ", got '" + text + "'");
            return;
        }
        List<JobRecord> all = registry.newestFirst();
        List<Object> jobs = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = 0; i < all.size() && i < limit; i++) {
            jobs.add(detail(all.get(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", System.currentTimeMillis());
        out.put("total", all.size());
        out.put("jobs", jobs);
        Exchanges.json(ex, 200, out);
    }

    /** {@code job_detail}: the job's detail with {@code now} and its {@code results}. */
    public static void job(HttpExchange ex, JobRecord job) throws IOException {
        Map<String, Object> out = detail(job);
        out.put("results", job.results());
        out.put("now", System.currentTimeMillis());
        Exchanges.json(ex, 200, out);
    }

    /** {@code counters}: {@code {"tasks": n, "totals": {name: total, ...}}} of the job's events. */
    public static void counters(HttpExchange ex, JobRecord job) throws IOException {
        List<String> messages = new ArrayList<>();
        job.events().records().forEach(r -> messages.add(r.get(2)));
        JobCounters counters = JobCounters.ofMessages(messages);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tasks", counters.tasks());
        out.put("totals", counters.totals());
        Exchanges.json(ex, 200, out);
    }

    /**
     * {@code {"name", "status", "submitted", "ended" (null while active), "stages": [{"stage",
     * "tasks", "running", "done", "failed"}, ...]}}.
     */
    static Map<String, Object> detail(JobRecord job) {
        Objects.requireNonNull(job, "job");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", job.name());
        out.put("status", job.status().wire());
        out.put("submitted", job.started().toEpochMilli());
        Instant ended = job.ended();
        out.put("ended", ended == null ? null : ended.toEpochMilli());
        List<Object> stages = new ArrayList<>();
        job.stageCounts().forEach((stage, c) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stage", stage);
            s.put("tasks", c[0]);
            s.put("running", c[1]);
            s.put("done", c[2]);
            s.put("failed", c[3]);
            stages.add(s);
        });
        out.put("stages", stages);
        return out;
    }
}
