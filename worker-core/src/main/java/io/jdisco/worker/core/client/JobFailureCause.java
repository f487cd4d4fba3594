package io.jdisco.worker.core.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which event of a dead job's log explains its death. The first task that failed is what the user
 * must see: other tasks still running when the job died are stopped, and whatever their ends log
 * afterwards (a master may report a stopped worker as crashed) follows the real failure. So:
 * <ol>
 * <li>the first {@code FATAL} event (a fatal failure kills the job at once);
 * <li>else, when the master's {@code Job dead after ...: task <stage>:<id> ...} line names a task,
 *     the last {@code ERROR} of that task before it (its retries exhausted, or the same error
 *     twice);
 * <li>else the first {@code ERROR} event;
 * <li>else the master's own line about the death ({@code Job killed by the user},
 *     {@code Job dead ...}): a job killed or failed by the master has no task error.
 * </ol>
 */
public final class JobFailureCause {
    private static final Pattern DEAD_TASK = Pattern.compile("^Job dead after .*?: task ([^\\s:]+:\\d+) ");

    private JobFailureCause() {
    }

    /** The event among {@code events} (a job's log, oldest first) that explains its death, if any. */
    public static Optional<JobEvent> of(List<JobEvent> events) {
        Objects.requireNonNull(events, "events");
        for (JobEvent e : events) {
            if (e.message().startsWith("FATAL:")) {
                return Optional.of(e);
            }
        }
        for (int i = 0; i < events.size(); i++) {
            Optional<String> task = deadTask(events.get(i));
            if (task.isPresent()) {
                for (int j = i - 1; j >= 0; j--) {
                    JobEvent e = events.get(j);
                    if (e.message().startsWith("ERROR:") && task.equals(e.task())) {
                        return Optional.of(e);
                    }
                }
            }
        }
        for (JobEvent e : events) {
            if (e.message().startsWith("ERROR:")) {
                return Optional.of(e);
            }
        }
        for (JobEvent e : events) {
            if (e.host().equals("master") && (e.message().startsWith("Job killed") || e.message().startsWith("Job dead"))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The task a master's {@code Job dead after <time>: task <stage>:<id> ...} line names. */
    private static Optional<String> deadTask(JobEvent event) {
        if (!event.host().equals("master")) {
            return Optional.empty();
        }
        Matcher m = DEAD_TASK.matcher(event.message());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
