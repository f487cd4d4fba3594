package io.jdisco.worker.core.jobpack;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The master's jobdict checks ({@code jobpack:valid/1}, {@code jobinfo/1}; SPEC §3.2–§3.4). */
final class JobDictValidator {
    private static final List<String> REQUIRED_V1 = List.of("prefix", "owner", "worker", "input", "nr_reduces",
            "scheduler");
    private static final List<String> REQUIRED_V2 = List.of("prefix", "owner", "worker", "scheduler", "pipeline",
            "inputs");
    private static final Set<String> GROUPINGS = Set.of("split", "group_label", "group_node", "group_node_label",
            "group_all");

    private JobDictValidator() {
    }

    /**
     * Checks the jobdict and jobenvs of a pack whose version the caller checked: classic
     * (version 1) when {@code pipeline} is false, else pipeline (version 2).
     */
    static void validate(boolean pipeline, Map<String, Object> dict, Map<String, Object> envs) {
        for (String key : pipeline ? REQUIRED_V2 : REQUIRED_V1) {
            if (!dict.containsKey(key)) {
                throw new InvalidJobPackException("jobpack missing key '" + key + "'");
            }
        }
        Object prefix = dict.get("prefix");
        if (!(prefix instanceof String) || ((String) prefix).contains("/") || ((String) prefix).contains(".")) {
            throw new InvalidJobPackException("invalid prefix " + show(prefix)
                    + ": it must be a string without '/' or '.'");
        }
        for (String key : List.of("owner", "worker")) {
            if (!(dict.get(key) instanceof String)) {
                throw new InvalidJobPackException("jobdict '" + key + "' must be a string, got " + show(dict.get(key)));
            }
        }
        if (!(dict.get("scheduler") instanceof Map)) {
            throw new InvalidJobPackException("jobdict 'scheduler' must be an object, got " + show(dict.get("scheduler")));
        }
        if (dict.containsKey("save_results") && !(dict.get("save_results") instanceof Boolean)) {
            throw new InvalidJobPackException("jobdict 'save_results' must be true or false, got "
                    + show(dict.get("save_results")));
        }
        if (dict.containsKey("save_info")) {
            Object info = dict.get("save_info");
            if (!(info instanceof String) || ((String) info).length() < 4
                    || !(((String) info).startsWith("ddfs") || ((String) info).startsWith("hdfs"))) {
                throw new InvalidJobPackException("jobdict 'save_info' must be a string starting with \"ddfs\" or "
                        + "\"hdfs\", got " + show(info));
            }
        }
        for (Map.Entry<String, Object> e : envs.entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw new InvalidJobPackException("jobenvs value of '" + e.getKey() + "' must be a string, got "
                        + show(e.getValue()));
            }
        }
        if (!pipeline) {
            if (!(dict.get("input") instanceof List)) {
                throw new InvalidJobPackException("jobdict 'input' must be a list, got " + show(dict.get("input")));
            }
        } else {
            validatePipeline(dict.get("pipeline"));
            validateInputs(dict.get("inputs"));
        }
    }

    private static void validatePipeline(Object pipeline) {
        if (!(pipeline instanceof List)) {
            throw new InvalidJobPackException("invalid pipeline: must be a list of [name, grouping, concurrent], got "
                    + show(pipeline));
        }
        Set<String> names = new HashSet<>();
        int i = 0;
        for (Object stage : (List<?>) pipeline) {
            if (!(stage instanceof List) || ((List<?>) stage).size() != 3 || !(((List<?>) stage).get(0) instanceof String)
                    || !(((List<?>) stage).get(1) instanceof String) || !(((List<?>) stage).get(2) instanceof Boolean)) {
                throw new InvalidJobPackException("invalid pipeline stage " + i
                        + ": must be [string, string, bool], got " + show(stage));
            }
            List<?> s = (List<?>) stage;
            if (!GROUPINGS.contains(s.get(1))) {
                throw new InvalidJobPackException("invalid pipeline stage " + i + ": unknown grouping " + show(s.get(1))
                        + "; groupings are " + new java.util.TreeSet<>(GROUPINGS));
            }
            if (!names.add((String) s.get(0))) {
                throw new InvalidJobPackException("repeated pipeline stage " + show(s.get(0)));
            }
            i++;
        }
    }

    private static void validateInputs(Object inputs) {
        if (!(inputs instanceof List)) {
            throw new InvalidJobPackException("invalid job inputs: must be a list of [label, size_hint, [url...]], got "
                    + show(inputs));
        }
        int i = 0;
        for (Object input : (List<?>) inputs) {
            boolean ok = input instanceof List && ((List<?>) input).size() == 3
                    && isInt(((List<?>) input).get(0)) && isInt(((List<?>) input).get(1))
                    && ((List<?>) input).get(2) instanceof List
                    && ((List<?>) ((List<?>) input).get(2)).stream().allMatch(u -> u instanceof String);
            if (!ok) {
                throw new InvalidJobPackException("invalid job input " + i + ": must be [int, int, [string...]], got "
                        + show(input));
            }
            i++;
        }
    }

    private static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger;
    }

    private static String show(Object v) {
        String s = v instanceof String ? "'" + v + "'" : String.valueOf(v);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
