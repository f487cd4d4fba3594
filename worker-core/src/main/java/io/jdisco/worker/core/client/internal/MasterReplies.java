package io.jdisco.worker.core.client.internal;

import io.jdisco.worker.DataException;
import io.jdisco.worker.core.client.JobEvent;
import io.jdisco.worker.core.client.JobEvents;
import io.jdisco.worker.core.client.JobInfo;
import io.jdisco.worker.core.client.JobListing;
import io.jdisco.worker.core.client.JobResults;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.client.StageProgress;
import io.jdisco.worker.core.json.PythonJson;
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
 * Turns the master's JSON replies (SPEC §11.1, §11.3), parsed into plain Java values by
 * {@link PythonJson}, into our value types. Every shape error is a {@link DataException} naming
 * the URL and what was expected, never a silent default.
 */
public final class MasterReplies {
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

    private MasterReplies() {
    }

    /**
     * {@code get_results}: {@code [["<job>", [status, results]], ...]} → job name → results,
     * in reply order.
     */
    public static Map<String, JobResults> results(Object root, String url) throws DataException {
        Map<String, JobResults> out = new LinkedHashMap<>();
        for (Object job : array(root, url, "the get_results reply")) {
            String what = "a get_results entry";
            if (!(job instanceof List<?> entry) || entry.size() != 2
                    || !(entry.get(1) instanceof List<?> statusAndResults) || statusAndResults.size() != 2) {
                throw shape(url, what + " [name, [status, results]]", job);
            }
            String name = text(entry.get(0), url, what + "'s job name");
            JobStatus status = JobStatus.fromMaster(text(statusAndResults.get(0), url, "a status"), url);
            out.put(name, new JobResults(name, status, replicaLists(statusAndResults.get(1), url)));
        }
        return out;
    }

    /**
     * A list of outputs, each a replica-URL list {@code ["url", ...]} or a single URL string
     * (which becomes a one-element list), as in {@code get_results} and
     * {@code get_stageresults}.
     */
    public static List<List<String>> replicaLists(Object node, String url) throws DataException {
        List<List<String>> out = new ArrayList<>();
        for (Object output : array(node, url, "a list of results")) {
            out.add(output instanceof String s ? List.of(s) : strings(output, url, "a replica list"));
        }
        return out;
    }

    /** {@code jobinfo}: the object of SPEC §11.1. */
    public static JobInfo jobInfo(Object root, String url) throws DataException {
        if (!(root instanceof Map<?, ?> info)) {
            throw shape(url, "a jobinfo object", root);
        }
        String statusText = text(field(info, "active", url), url, "jobinfo 'active'");
        List<StageProgress> pipeline = new ArrayList<>();
        for (Object stage : array(field(info, "pipeline", url), url, "jobinfo 'pipeline'")) {
            if (!(stage instanceof List<?> row) || row.size() != 6) {
                throw shape(url, "a pipeline entry [stage, pending, waiting, running, done,"
                        + " failed]", stage);
            }
            pipeline.add(new StageProgress(text(row.get(0), url, "a stage name"),
                    number(row.get(1), url), number(row.get(2), url),
                    number(row.get(3), url), number(row.get(4), url),
                    number(row.get(5), url)));
        }
        return new JobInfo(text(field(info, "timestamp", url), url, "jobinfo 'timestamp'"),
                JobStatus.fromMaster(statusText, url), statusText, pipeline,
                strings(field(info, "results", url), url, "jobinfo 'results'"),
                strings(field(info, "inputs", url), url, "jobinfo 'inputs'"),
                text(field(info, "worker", url), url, "jobinfo 'worker'"),
                strings(field(info, "hosts", url), url, "jobinfo 'hosts'"),
                text(field(info, "owner", url), url, "jobinfo 'owner'"));
    }

    /** {@code joblist}: {@code [[start_seconds, status, name], ...]}, newest first. */
    public static List<JobListing> jobList(Object root, String url) throws DataException {
        List<JobListing> out = new ArrayList<>();
        for (Object row : array(root, url, "the joblist reply")) {
            if (!(row instanceof List<?> fields) || fields.size() != 3) {
                throw shape(url, "a joblist row [start, status, name]", row);
            }
            out.add(new JobListing(Instant.ofEpochSecond(number(fields.get(0), url)),
                    JobStatus.fromMaster(text(fields.get(1), url, "a job status"), url),
                    text(fields.get(2), url, "a job name")));
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
        Object node;
        try {
            node = PythonJson.parse(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataException("event log line at byte " + at + " is not JSON: " + line,
                    url, e);
        }
        if (!(node instanceof List<?> fields) || fields.size() != 3) {
            throw new DataException("event log line at byte " + at
                    + " is not [time, host, message]: " + line, url);
        }
        String time = text(fields.get(0), url, "an event time");
        try {
            return new JobEvent(LocalDateTime.parse(time, EVENT_TIME),
                    text(fields.get(1), url, "an event host"), text(fields.get(2), url, "an event"));
        } catch (DateTimeParseException e) {
            throw new DataException("event log line at byte " + at + " has time '" + time
                    + "', not YYYY/MM/DD HH:MM:SS", url, e);
        }
    }

    /** A JSON string value; anything else is a {@link DataException} saying what was meant. */
    public static String text(Object node, String url, String what) throws DataException {
        if (!(node instanceof String s)) {
            throw shape(url, what + " as a string", node);
        }
        return s;
    }

    /** A JSON integer that fits a {@code long}. */
    private static long number(Object node, String url) throws DataException {
        if (!(node instanceof Integer || node instanceof Long)) {
            throw shape(url, "an integer", node);
        }
        return ((Number) node).longValue();
    }

    private static List<String> strings(Object node, String url, String what)
            throws DataException {
        List<String> out = new ArrayList<>();
        for (Object s : array(node, url, what)) {
            out.add(text(s, url, "an element of " + what));
        }
        return out;
    }

    /** A JSON array; anything else is a {@link DataException} saying what was meant. */
    public static List<?> array(Object node, String url, String what) throws DataException {
        if (!(node instanceof List<?> list)) {
            throw shape(url, what + " as a JSON array", node);
        }
        return list;
    }

    private static Object field(Map<?, ?> object, String name, String url) throws DataException {
        if (!object.containsKey(name)) {
            throw new DataException("the master's reply has no '" + name + "' field", url);
        }
        return object.get(name);
    }

    /** The error for {@code got} where {@code expected} was due; the value shown as compact JSON. */
    private static DataException shape(String url, String expected, Object got) {
        String text;
        try {
            text = PythonJson.compact().write(got);
        } catch (IllegalArgumentException e) {
            text = String.valueOf(got);
        }
        if (text.length() > 200) {
            text = text.substring(0, 200) + "...";
        }
        return new DataException("expected " + expected + " in the master's reply, got " + text,
                url);
    }
}
