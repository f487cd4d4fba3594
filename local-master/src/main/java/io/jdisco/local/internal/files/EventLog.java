package io.jdisco.local.internal.files;

import io.jdisco.worker.core.json.JsonSyntaxException;
import io.jdisco.worker.core.json.PythonJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A job's event log (SPEC §11.3), one JSON array per line:
 *
 * <pre>
 *   ["2026/11/28 00:01:02","localhost","MSG: [map:0] Done: 2 entries mapped"]\n
 *   ["2026/11/28 00:01:03","master","READY: Job finished in 0:00:01.020"]\n
 * </pre>
 *
 * Times are the master's local time. Thread-safe.
 *
 * <p>While its job runs the log keeps its file open and knows where its last whole record ends,
 * so that an event costs one {@code write} (a task logs about five: opening the file for each, and
 * reading its tail to find the end, cost more than the task's protocol on small tasks);
 * {@link #release} closes it when the job has ended, so a finished job costs the master no
 * descriptor, and a later event opens the file for itself. The file is written through
 * {@link RandomAccessFile}, not an NIO channel: an interrupted thread (a job being killed logs its
 * last events on one) still writes, where a channel would be closed by the interrupt. A record is
 * there whole or not at all: when the write fails (a full disk), the file is truncated back to
 * where the record began and the failure is thrown; a torn tail left by a crash (bytes after the
 * last {@code \n}) is cut off when the file is opened, before the next record is written. Readers
 * ({@link #wholeLength}, {@link #records}) see the log up to its last whole record and skip a line
 * that does not parse.
 */
public final class EventLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final PythonJson JSON = PythonJson.compact();
    private static final int TAIL_CHUNK = 4096;

    /** Writes a record's bytes where an open log file is positioned: the seam that tests make fail. */
    @FunctionalInterface
    interface RecordWriter {
        /** Writes all of {@code record} at the current position of {@code file}. */
        void write(RandomAccessFile file, byte[] record) throws IOException;
    }

    /** The real writer: one {@code write} of the whole record. */
    static final RecordWriter DIRECT = RandomAccessFile::write;

    private final Path file;
    private final RecordWriter writer;
    private boolean closed;
    private boolean released;
    /** The file open for appending, or null; {@link #end} is where its last whole record ends. */
    private RandomAccessFile open;
    private long end;

    /** A log appending to {@code file} (created with its directory when absent). */
    public EventLog(Path file) throws IOException {
        this(file, DIRECT);
    }

    /** A log writing its records through {@code writer}. */
    EventLog(Path file, RecordWriter writer) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.writer = Objects.requireNonNull(writer, "writer");
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            new RandomAccessFile(file.toFile(), "rw").close();
        }
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

    /**
     * Appends one event record, whole or not at all; dropped once the log is {@linkplain #close
     * closed}.
     *
     * @throws UncheckedIOException when the record cannot be written (nothing of it stays)
     */
    public synchronized void append(String host, String message) {
        if (closed) {
            return;
        }
        List<Object> line = new ArrayList<>(3);
        line.add(LocalDateTime.now().format(TIME));
        line.add(host);
        line.add(message);
        byte[] record = (JSON.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            RandomAccessFile f = openForAppend();
            try {
                f.seek(end);
                writer.write(f, record);
                end += record.length;
            } catch (IOException | RuntimeException e) {
                try {
                    f.setLength(end);
                } catch (IOException t) {
                    e.addSuppressed(t);
                }
                closeOpen(); // the next event looks at the file afresh
                throw e;
            }
            if (released) {
                closeOpen();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the event log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file open for appending, its torn tail (if any) cut off and {@link #end} set. A file kept
     * open is looked at again only when its length is not where this log left it (something else
     * wrote to it): one {@code fstat}, not the tail read of an open.
     */
    private RandomAccessFile openForAppend() throws IOException {
        if (open == null) {
            open = new RandomAccessFile(file.toFile(), "rw");
            end = -1;
        }
        try {
            if (end < 0 || open.length() != end) {
                long whole = wholeLength(open);
                if (whole < open.length()) {
                    open.setLength(whole);
                }
                end = whole;
            }
        } catch (IOException | RuntimeException e) {
            closeOpen();
            throw e;
        }
        return open;
    }

    /**
     * Closes the file kept open for appending (its job has ended): later events each open and close
     * it.
     */
    public synchronized void release() {
        released = true;
        closeOpen();
    }

    private void closeOpen() {
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // nothing was pending: every record was written whole by one call
            }
            open = null;
        }
    }

    /** Drops later events (the job is being deleted or forgotten); the file stays. */
    public synchronized void close() {
        closed = true;
        closeOpen();
    }

    /** The length of the log up to and including its last {@code \n}: its whole records. */
    public synchronized long wholeLength() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            return wholeLength(f);
        } catch (FileNotFoundException e) {
            return 0;
        }
    }

    /**
     * The log's records, oldest first: each whole line that parses as {@code [time, host,
     * message]} (strings); a torn tail or a damaged line is skipped.
     */
    public synchronized List<List<String>> records() throws IOException {
        long length = wholeLength();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("the event log " + file + " is too large to read (" + length + " bytes)");
        }
        byte[] bytes = new byte[(int) length];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.readFully(bytes);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                List<String> record = parse(bytes, start, i);
                if (record != null) {
                    out.add(record);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** The record in {@code bytes[from, to)}, or null when it is not {@code [time, host, message]}. */
    private static List<String> parse(byte[] bytes, int from, int to) {
        if (to <= from) {
            return null;
        }
        Object value;
        try {
            value = PythonJson.parse(java.util.Arrays.copyOfRange(bytes, from, to));
        } catch (JsonSyntaxException | RuntimeException e) {
            return null;
        }
        if (value instanceof List<?> l && l.size() == 3 && l.get(0) instanceof String time
                && l.get(1) instanceof String host && l.get(2) instanceof String message) {
            return List.of(time, host, message);
        }
        return null;
    }

    /** The offset just after the last {@code \n} of {@code f}, or 0. */
    private static long wholeLength(RandomAccessFile f) throws IOException {
        byte[] buf = new byte[TAIL_CHUNK];
        long end = f.length();
        while (end > 0) {
            long from = Math.max(0, end - TAIL_CHUNK);
            int n = (int) (end - from);
            f.seek(from);
            f.readFully(buf, 0, n);
            for (int i = n - 1; i >= 0; i--) {
                if (buf[i] == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }
}
