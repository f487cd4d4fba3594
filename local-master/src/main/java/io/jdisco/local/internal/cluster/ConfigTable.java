package io.jdisco.local.internal.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The master's node table as {@code save_config_table} takes it and {@code load_config_table}
 * gives it back: rows {@code [node spec, workers]}, both strings. A node spec is a host name or
 * a range {@code first:last} whose numeric suffix counts up ({@code n01:03} is n01, n02, n03),
 * as Disco's {@code disco_config} expands it. Immutable.
 */
final class ConfigTable {
    /** Why a table was refused: the master's own answers. */
    static final String INVALID = "invalid config";
    static final String DUPLICATE = "duplicate nodes";

    private final List<List<String>> rows;
    private final Map<String, Integer> hosts;

    private ConfigTable(List<List<String>> rows, Map<String, Integer> hosts) {
        this.rows = rows;
        this.hosts = hosts;
    }

    /** The one-row table of a node {@code host} with {@code slots} workers. */
    static ConfigTable single(String host, int slots) {
        Objects.requireNonNull(host, "host");
        try {
            return parse(List.of(List.of(host, Integer.toString(slots))));
        } catch (Invalid e) {
            throw new IllegalArgumentException("host '" + host + "' with " + slots + " slots: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a JSON table ({@code [[spec, workers], ...]}).
     *
     * @throws Invalid with {@link #INVALID} or {@link #DUPLICATE}, as the master answers
     */
    static ConfigTable parse(Object json) throws Invalid {
        if (!(json instanceof List<?> list)) {
            throw new Invalid(INVALID);
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> hosts = new LinkedHashMap<>();
        int expanded = 0;
        for (Object o : list) {
            if (!(o instanceof List<?> row) || row.size() != 2) {
                throw new Invalid(INVALID);
            }
            for (Object cell : row) {
                if (!(cell instanceof String)) {
                    throw new Invalid(stringExpected(cell));
                }
            }
            String spec = (String) row.get(0);
            String workers = (String) row.get(1);
            int n;
            try {
                n = Integer.parseInt(workers.strip());
            } catch (NumberFormatException e) {
                throw new Invalid(INVALID);
            }
            for (String host : expand(spec.strip())) {
                hosts.put(host, n);
                expanded++;
            }
            rows.add(List.of(spec, workers));
        }
        if (hosts.size() != expanded) {
            throw new Invalid(DUPLICATE);
        }
        return new ConfigTable(List.copyOf(rows), Collections.unmodifiableMap(hosts));
    }

    /** The master's JSON validator's text for a value that should have been a string. */
    static String stringExpected(Object value) {
        return "string expected, '" + value + "' received";
    }

    /** {@code a}, or the range {@code first:last} (at most 100000 names). */
    private static List<String> expand(String spec) throws Invalid {
        String[] parts = spec.split(":", -1);
        if (parts.length == 1 && !spec.isEmpty()) {
            return List.of(spec);
        }
        if (parts.length != 2 || parts[0].length() < parts[1].length() || parts[1].isEmpty()
                || !parts[1].chars().allMatch(Character::isDigit)) {
            throw new Invalid(INVALID);
        }
        int width = parts[1].length();
        String base = parts[0].substring(0, parts[0].length() - width);
        String first = parts[0].substring(parts[0].length() - width);
        if (!first.chars().allMatch(Character::isDigit) || width > 9) {
            throw new Invalid(INVALID);
        }
        int from = Integer.parseInt(first);
        int to = Integer.parseInt(parts[1]);
        if (to - from >= 100_000) {
            throw new Invalid(INVALID);
        }
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(base + String.format("%0" + width + "d", i));
        }
        return out;
    }

    /** The rows as saved. */
    List<List<String>> rows() {
        return rows;
    }

    /** The expanded host names and their worker counts. */
    Map<String, Integer> hosts() {
        return hosts;
    }

    /** A table the master refuses, with its answer. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }
}
