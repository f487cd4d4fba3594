package io.jdisco.cli.jobs;

import io.jdisco.cli.Console;
import io.jdisco.cli.UsageException;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.taskio.plain.CompressedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the embedded local master of a job command runs the job's workers: {@code --workers
 * threads|reused|processes|auto}, else the environment variable {@code JDISCO_WORKERS}, else
 * {@code auto}.
 *
 * <p>{@code auto} runs the workers on threads of the command's own JVM when every input is a local
 * file ({@code file://} URL) and the files total at most the command's limit ({@link #THREADS_LIMIT},
 * 64 MiB; the sort's and the word count's are 256 MiB: {@link SortCommand#THREADS_LIMIT},
 * {@link WordCountCommand#THREADS_LIMIT}): a small job is then done in a fraction
 * of a second instead of paying a JVM start per task. Any other input (http, disco, tag, ...),
 * bigger inputs, and any job while {@code JDISCO_JAVA_OPTS} is set (options for worker JVMs, which
 * threads would ignore) run as reused worker processes, each with its own heap, each running
 * several of the job's tasks one after another ({@link WorkerMode#REUSED_PROCESSES});
 * {@code processes} starts a process per task, as a Disco node does. The choice does not change
 * the results; a remote master ({@code --master}) decides for itself.
 */
public final class WorkerChoice {
    /** The environment variable read when {@code --workers} is not given. */
    public static final String VARIABLE = "JDISCO_WORKERS";
    /** The largest total input size {@code auto} runs on threads. */
    public static final long THREADS_LIMIT = 64L << 20;
    /** The environment variable of the worker JVMs' options: set, {@code auto} never picks threads. */
    public static final String JAVA_OPTS_VARIABLE = "JDISCO_JAVA_OPTS";
    /** The usage lines of the option for the commands whose limit is {@link #THREADS_LIMIT}. */
    public static final String USAGE = usage(THREADS_LIMIT);

    private WorkerChoice() {
    }

    /** The usage lines of the option for a command whose {@code auto} limit is {@code threadsLimit}. */
    public static String usage(long threadsLimit) {
        return "  --workers M    embedded master: threads, reused, processes, or auto (default,\n"
                + "                 or $" + VARIABLE + "): threads when every input is a local file,\n"
                + "                 they total at most " + (threadsLimit >> 20) + " MiB and $" + JAVA_OPTS_VARIABLE
                + " is unset,\n"
                + "                 else reused worker processes; processes: a worker process per task\n";
    }

    /**
     * The mode for the {@code --workers} value {@code option} ({@code null}: not given) and the
     * job's {@code inputs}, {@code auto} running at most {@link #THREADS_LIMIT} bytes on threads.
     *
     * @throws UsageException for a value other than threads, reused, processes or auto
     */
    public static WorkerMode choose(String option, Console console, List<String> inputs) {
        return choose(option, console, inputs, THREADS_LIMIT);
    }

    /**
     * The mode for the {@code --workers} value {@code option} ({@code null}: not given) and the
     * job's {@code inputs}, {@code auto} running at most {@code threadsLimit} bytes on threads.
     *
     * @throws UsageException for a value other than threads, reused, processes or auto
     */
    public static WorkerMode choose(String option, Console console, List<String> inputs, long threadsLimit) {
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(inputs, "inputs");
        String source = "--workers";
        String value = option;
        if (value == null) {
            source = VARIABLE;
            value = console.env(VARIABLE);
        }
        if (value == null || value.isEmpty()) {
            value = "auto";
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "threads":
                return WorkerMode.THREADS;
            case "reused":
                return WorkerMode.REUSED_PROCESSES;
            case "processes":
                return WorkerMode.PROCESSES;
            case "auto":
                String javaOpts = console.env(JAVA_OPTS_VARIABLE);
                return javaOpts != null && !javaOpts.isBlank()
                        ? WorkerMode.REUSED_PROCESSES : auto(inputs, threadsLimit);
            default:
                throw new UsageException(source + " must be threads, reused, processes or auto, got '" + value + "'");
        }
    }

    /**
     * The {@code auto} rule: {@link WorkerMode#THREADS} when every input is a readable local file
     * ({@code file://} URL) and their texts total at most {@code limit} bytes (a compressed file
     * counts by its text, {@link CompressedText#textBytes}), else {@link WorkerMode#REUSED_PROCESSES}.
     */
    public static WorkerMode auto(List<String> inputs, long limit) {
        Objects.requireNonNull(inputs, "inputs");
        long total = 0;
        for (String input : inputs) {
            long bytes = textBytes(input);
            if (bytes < 0) {
                return WorkerMode.REUSED_PROCESSES;
            }
            total += bytes;
            if (total < 0 || total > limit) { // overflowed: an unknown text size
                return WorkerMode.REUSED_PROCESSES;
            }
        }
        return inputs.isEmpty() ? WorkerMode.REUSED_PROCESSES : WorkerMode.THREADS;
    }

    /**
     * The bytes of text in the local file of {@code url} ({@link CompressedText#textBytes}:
     * {@link Long#MAX_VALUE} when a compressed file does not record it), or -1 when {@code url} is
     * not a readable local file.
     */
    static long textBytes(String url) {
        Path file = localFile(url);
        if (file == null) {
            return -1;
        }
        try {
            return CompressedText.textBytes(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The absolute path of a {@code file:///path} URL (as {@link Inputs} makes them), else {@code null}. */
    static Path localFile(String url) {
        String prefix = "file://";
        if (!url.startsWith(prefix) || !url.startsWith("/", prefix.length())) {
            return null;
        }
        Path p = Path.of(url.substring(prefix.length()));
        return Files.isRegularFile(p) ? p : null;
    }
}
