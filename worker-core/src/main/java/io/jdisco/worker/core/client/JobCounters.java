package io.jdisco.worker.core.client;

import io.jdisco.worker.core.TaskCounters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A job's counter totals, read from its event log: every master, Disco's or ours, logs a task's
 * status line as
 *
 * <pre>
 *   MSG: [map:3] jdisco-counters {"lines":120,"words":734}
 * </pre>
 *
 * A task sends that line only when it is about to end with success, so of the lines of one task
 * (a stage and a task id) the last is its successful attempt's, and earlier ones (an attempt
 * killed after sending it) are dropped: each task counts once. Immutable.
 */
public final class JobCounters {
    private final Map<String, Long> totals;
    private final int tasks;

    private JobCounters(Map<String, Long> totals, int tasks) {
        this.totals = totals;
        this.tasks = tasks;
    }

    /** The totals of the counter lines among {@code events} (a whole log, oldest first). */
    public static JobCounters of(Iterable<JobEvent> events) {
        Objects.requireNonNull(events, "events");
        List<String> messages = new ArrayList<>();
        events.forEach(e -> messages.add(e.message()));
        return ofMessages(messages);
    }

    /** The totals of the counter lines among the messages of a job's events (a whole log, oldest first). */
    public static JobCounters ofMessages(Iterable<String> messages) {
        Objects.requireNonNull(messages, "messages");
        Map<String, Map<String, Long>> lastByTask = new HashMap<>();
        for (String message : messages) {
            Optional<String> task = message.startsWith("MSG: ") ? JobEvent.taskOf(message) : Optional.empty();
            if (task.isPresent()) {
                TaskCounters.parse(JobEvent.textOf(message)).ifPresent(c -> lastByTask.put(task.get(), c));
            }
        }
        Map<String, Long> totals = new TreeMap<>();
        for (Map<String, Long> counts : lastByTask.values()) {
            counts.forEach((name, n) -> totals.merge(name, n, Math::addExact));
        }
        return new JobCounters(Collections.unmodifiableMap(totals), lastByTask.size());
    }

    /** Every counter's total, sorted by name. */
    public Map<String, Long> totals() {
        return totals;
    }

    /** The total of counter {@code name}, 0 when no task counted it. */
    public long get(String name) {
        return totals.getOrDefault(Objects.requireNonNull(name, "name"), 0L);
    }

    /** How many tasks reported counters. */
    public int tasks() {
        return tasks;
    }

    @Override
    public String toString() {
        return "JobCounters" + totals + " from " + tasks + " task(s)";
    }
}
