package io.jdisco.local.internal;

import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A job's event log (SPEC §11.3), one JSON array per line, appended and flushed per event:
 *
 * <pre>
 *   ["2026/11/28 00:01:02","localhost","MSG: [map:0] Done: 2 entries mapped"]\n
 *   ["2026/11/28 00:01:03","master","READY: Job finished in 0:00:01.020"]\n
 * </pre>
 *
 * Times are the master's local time. Thread-safe.
 */
public final class EventLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final PythonJson JSON = PythonJson.compact();

    private final Path file;
    private OutputStream out;

    /** A log appending to {@code file} (created with its directory). */
    public EventLog(Path file) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        Files.createDirectories(file.getParent());
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** Logs a job-level event from the master. */
    public void master(String text) {
        append("master", text);
    }

    /** Logs a task event {@code "<TYPE>: [<stage>:<taskid>] <text>"} from {@code host}. */
    public void task(String host, String type, String stage, int taskid, String text) {
        append(host, type + ": [" + stage + ":" + taskid + "] " + text);
    }

    /** Appends one event line. */
    public synchronized void append(String host, String message) {
        if (out == null) {
            return;
        }
        List<Object> line = new ArrayList<>(3);
        line.add(LocalDateTime.now().format(TIME));
        line.add(host);
        line.add(message);
        try {
            out.write((JSON.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the event log " + file, e);
        }
    }

    /** Stops logging (the log is kept); later events are dropped. */
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // Every event was flushed when written; nothing is lost.
            }
            out = null;
        }
    }
}
