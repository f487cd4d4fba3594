package io.jdisco.worker.core.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdisco.worker.DataException;
import io.jdisco.worker.core.client.JobEvent;
import io.jdisco.worker.core.client.JobEvents;
import io.jdisco.worker.core.client.JobInfo;
import io.jdisco.worker.core.client.JobListing;
import io.jdisco.worker.core.client.JobResults;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.client.StageProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the master's JSON replies (SPEC §11.1, §11.3) into our value types. Every shape error is
 * a {@link DataException} naming the URL and what was expected, never a silent default.
 */
public final class MasterReplies {
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MasterReplies() {
    }

    /**
     * {@code get_results}: {@code [["<job>", [status, results]], ...]} → job name → results,
     * in reply order.
     */
    public static Map<String, JobResults> results(JsonNode root, String url) throws DataException {
        Map<String, JobResults> out = new LinkedHashMap<>();
        for (JsonNode job : array(root, url, "the get_results reply")) {
            String what = "a get_results entry";
            if (!job.isArray() || job.size() != 2 || !job.get(1).isArray()
                    || job.get(1).size() != 2) {
                throw shape(url, what + " [name, [status, results]]", job);
            }
            String name = text(job.get(0), url, what + "'s job name");
            JobStatus status = JobStatus.fromMaster(text(job.get(1).get(0), url, "a status"), url);
            out.put(name, new JobResults(name, status, replicaLists(job.get(1).get(1), url)));
        }
        return out;
    }

    /**
     * A list of outputs, each a replica-URL list {@code ["url", ...]} or a single URL string
     * (which becomes a one-element list), as in {@code get_results} and
     * {@code get_stageresults}.
     */
    public static List<List<String>> replicaLists(JsonNode node, String url) throws DataException {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode output : array(node, url, "a list of results")) {
            out.add(output.isTextual() ? List.of(output.textValue())
                    : strings(output, url, "a replica list"));
        }
        return out;
    }

    /** {@code jobinfo}: the object of SPEC §11.1. */
    public static JobInfo jobInfo(JsonNode root, String url) throws DataException {
        if (!root.isObject()) {
            throw shape(url, "a jobinfo object", root);
        }
        String statusText = text(field(root, "active", url), url, "jobinfo 'active'");
        List<StageProgress> pipeline = new ArrayList<>();
        for (JsonNode stage : array(field(root, "pipeline", url), url, "jobinfo 'pipeline'")) {
            if (!stage.isArray() || stage.size() != 6) {
                throw shape(url, "a pipeline entry [stage, pending, waiting, running, done,"
                        + " failed]", stage);
            }
            pipeline.add(new StageProgress(text(stage.get(0), url, "a stage name"),
                    number(stage.get(1), url), number(stage.get(2), url),
                    number(stage.get(3), url), number(stage.get(4), url),
                    number(stage.get(5), url)));
        }
        return new JobInfo(text(field(root, "timestamp", url), url, "jobinfo 'timestamp'"),
                JobStatus.fromMaster(statusText, url), statusText, pipeline,
                strings(field(root, "results", url), url, "jobinfo 'results'"),
                strings(field(root, "inputs", url), url, "jobinfo 'inputs'"),
                text(field(root, "worker", url), url, "jobinfo 'worker'"),
                strings(field(root, "hosts", url), url, "jobinfo 'hosts'"),
                text(field(root, "owner", url), url, "jobinfo 'owner'"));
    }

    /** {@code joblist}: {@code [[start_seconds, status, name], ...]}, newest first. */
    public static List<JobListing> jobList(JsonNode root, String url) throws DataException {
        List<JobListing> out = new ArrayList<>();
        for (JsonNode row : array(root, url, "the joblist reply")) {
            if (!row.isArray() || row.size() != 3) {
                throw shape(url, "a joblist row [start, status, name]", row);
            }
            out.add(new JobListing(Instant.ofEpochSecond(number(row.get(0), url)),
                    JobStatus.fromMaster(text(row.get(1), url, "a job status"), url),
                    text(row.get(2), url, "a job name")));
        }
        return out;
    }

    /**
     * {@code rawevents} bytes starting at byte {@code offset} of the log: one JSON array per
     * line, {@code ["YYYY/MM/DD HH:MM:SS","host","message"]} LF. Only complete lines are read;
     * the returned offset points just after the last one.
     */
    public static JobEvents events(byte[] body, long offset, String url) throws DataException {
        List<JobEvent> events = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] != '\n') {
                continue;
            }
            if (i > start) {
                events.add(event(new String(body, start, i - start, StandardCharsets.UTF_8),
                        offset + start, url));
            }
            start = i + 1;
        }
        return new JobEvents(events, offset + start);
    }

    private static JobEvent event(String line, long at, String url) throws DataException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new DataException("event log line at byte " + at + " is not JSON: " + line,
                    url, e);
        }
        if (node == null || !node.isArray() || node.size() != 3) {
            throw new DataException("event log line at byte " + at
                    + " is not [time, host, message]: " + line, url);
        }
        String time = text(node.get(0), url, "an event time");
        try {
            return new JobEvent(LocalDateTime.parse(time, EVENT_TIME),
                    text(node.get(1), url, "an event host"), text(node.get(2), url, "an event"));
        } catch (DateTimeParseException e) {
            throw new DataException("event log line at byte " + at + " has time '" + time
                    + "', not YYYY/MM/DD HH:MM:SS", url, e);
        }
    }

    /** A JSON string value; anything else is a {@link DataException} saying what was meant. */
    public static String text(JsonNode node, String url, String what) throws DataException {
        if (node == null || !node.isTextual()) {
            throw shape(url, what + " as a string", node);
        }
        return node.textValue();
    }

    private static long number(JsonNode node, String url) throws DataException {
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw shape(url, "an integer", node);
        }
        return node.longValue();
    }

    private static List<String> strings(JsonNode node, String url, String what)
            throws DataException {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array(node, url, what)) {
            out.add(text(s, url, "an element of " + what));
        }
        return out;
    }

    private static JsonNode array(JsonNode node, String url, String what) throws DataException {
        if (node == null || !node.isArray()) {
            throw shape(url, what + " as a JSON array", node);
        }
        return node;
    }

    private static JsonNode field(JsonNode object, String name, String url) throws DataException {
        JsonNode value = object.get(name);
        if (value == null) {
            throw new DataException("the master's reply has no '" + name + "' field", url);
        }
        return value;
    }

    private static DataException shape(String url, String expected, JsonNode got) {
        String text = String.valueOf(got);
        if (text.length() > 200) {
            text = text.substring(0, 200) + "...";
        }
        return new DataException("expected " + expected + " in the master's reply, got " + text,
                url);
    }
}
