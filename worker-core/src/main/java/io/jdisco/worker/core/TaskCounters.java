package io.jdisco.worker.core;

import io.jdisco.worker.core.json.JsonSyntaxException;
import io.jdisco.worker.core.json.PythonJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The named {@code long} counters of one task, and the status line that carries them to the
 * client. A task that ends with success sends its counters as one {@code MSG} just before
 * {@code DONE}:
 *
 * <pre>
 *   MSG  "jdisco-counters {"lines": 120, "words": 734}"
 * </pre>
 *
 * which any Disco master logs as the event {@code MSG: [map:0] jdisco-counters {...}}. A failed
 * attempt sends none, so for each task the last such event is the successful attempt's, and a
 * job's totals are the sums of those (see {@code client.JobCounters}). Used by the task's own
 * thread: not thread-safe.
 */
public final class TaskCounters {
    /** The start of a counters status line. */
    public static final String MESSAGE_PREFIX = "jdisco-counters ";
    /** The most counters one task may use. */
    public static final int MAX_COUNTERS = 1000;
    /** The longest counter name, in characters. */
    public static final int MAX_NAME_CHARS = 200;

    /** The names in first-use order; a few at most, so a scan beats a hash. */
    private String[] names = new String[8];
    private long[] values = new long[8];
    private int size;

    /**
     * Adds {@code delta} to counter {@code name} (0 registers it). Called per record by job
     * functions, so it costs a short scan: names compared by identity first (the literal a
     * function passes each time), then by equality; a name is checked once, when first used.
     *
     * @throws IllegalArgumentException for a bad name, a 1,001st counter, or a total past
     *     {@code long}
     */
    public void add(String name, long delta) {
        int i = indexOf(name);
        if (i < 0) {
            i = append(name);
        }
        long sum = values[i] + delta;
        if (((values[i] ^ sum) & (delta ^ sum)) < 0) {
            throw new IllegalArgumentException("counter '" + name + "' overflows a long (" + values[i] + " + "
                    + delta + ")");
        }
        values[i] = sum;
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private int append(String name) {
        checkName(name);
        if (size >= MAX_COUNTERS) {
            throw new IllegalArgumentException("a task may use at most " + MAX_COUNTERS
                    + " counters; '" + name + "' would be one more");
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        return size++;
    }

    /** The counters so far, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            out.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The status line carrying the counters, or empty when the task used none. */
    public Optional<String> message() {
        if (size == 0) {
            return Optional.empty();
        }
        return Optional.of(MESSAGE_PREFIX + PythonJson.compact().write(snapshot()));
    }

    /**
     * The counters of a status line made by {@link #message()}, or empty when {@code text} is not
     * one (another status line, or a malformed one: a status line is the worker's, and anyone's
     * text may start like ours).
     */
    public static Optional<Map<String, Long>> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(MESSAGE_PREFIX)) {
            return Optional.empty();
        }
        Object json;
        try {
            json = PythonJson.parse(text.substring(MESSAGE_PREFIX.length()).getBytes(StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            return Optional.empty();
        }
        if (!(json instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof Number n)
                    || !(n instanceof Long || n instanceof Integer)) {
                return Optional.empty();
            }
            out.put(name, n.longValue());
        }
        return Optional.of(Collections.unmodifiableMap(out));
    }

    /** Refuses names that would break {@code name<TAB>value} listings or are absurdly long. */
    static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("a counter name has 1 to " + MAX_NAME_CHARS
                    + " characters, got " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("counter name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' holds a control character");
            }
        }
    }
}
