package io.jdisco.worker.core.client;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a job's event log (SPEC §11.3):
 * {@code ["2014/10/27 12:00:00","node1","ERROR: [map:0] text"]}. The time stamp is the master's
 * local time (no zone in the log); {@code host} is a node or {@code "master"}; task events read
 * {@code "<TYPE>: [<stage>:<taskid>] <text>"} with TYPE one of MSG, WARNING, ERROR, FATAL, DONE,
 * SYS.
 *
 * @param timestamp when the master logged it (master local time)
 * @param host the node, or {@code "master"}
 * @param message the event text
 */
public record JobEvent(LocalDateTime timestamp, String host, String message) {
    /** {@code <TYPE>: [<stage>:<taskid>] <text>}: a task's event. */
    private static final Pattern TASK_EVENT = Pattern.compile("[A-Z]+: \\[([^:\\]]+:\\d+)\\] (.*)", Pattern.DOTALL);

    /** Checks that no field is null. */
    public JobEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(message, "message");
    }

    /** True for {@code FATAL:} and {@code ERROR:} events: what explains a dead job. */
    public boolean isFailure() {
        return message.startsWith("FATAL:") || message.startsWith("ERROR:");
    }

    /** The task ({@code "map:1"}) this event is about, if it is a task's event; see {@link #taskOf}. */
    public Optional<String> task() {
        return taskOf(message);
    }

    /** The task ({@code "map:1"}) an event message such as {@code "ERROR: [map:1] text"} is about, if any. */
    public static Optional<String> taskOf(String message) {
        Matcher m = TASK_EVENT.matcher(Objects.requireNonNull(message, "message"));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The text of a task's event message after its {@code "<TYPE>: [<stage>:<taskid>] "}, or the whole message. */
    public static String textOf(String message) {
        Matcher m = TASK_EVENT.matcher(Objects.requireNonNull(message, "message"));
        return m.matches() ? m.group(2) : message;
    }

    /**
     * The message without a stack trace ({@link #withoutTrace}): what a person is shown of a
     * failure; the event log keeps the whole text.
     */
    public String summary() {
        return withoutTrace(message);
    }

    /**
     * {@code text} without the stack trace a worker's {@code ERROR} or {@code FATAL} carries: of a
     * Java trace ({@code printStackTrace}: lines starting with {@code at} after the first), the
     * first line — the exception and its message; of a Python traceback (a first line ending
     * with {@code Traceback (most recent call last):}), what precedes that on the first line and
     * the last line — the exception and its message. Any other text is returned as it is,
     * without trailing blanks.
     */
    public static String withoutTrace(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = text.strip().split("\r?\n");
        if (lines.length < 2) {
            return lines[0];
        }
        String python = "Traceback (most recent call last):";
        if (lines[0].endsWith(python)) {
            String prefix = lines[0].substring(0, lines[0].length() - python.length());
            return prefix + lines[lines.length - 1].strip();
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith("at ") && Character.isWhitespace(lines[i].charAt(0))) {
                return lines[0].strip();
            }
        }
        return text.strip();
    }
}
