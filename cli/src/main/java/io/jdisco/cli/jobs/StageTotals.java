package io.jdisco.cli.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How many tasks each stage of a job will have, known from its jobdict before the master starts
 * the stage, so that progress shows real totals from its first line: a master counts a stage's
 * tasks only once it starts it. The jobdict's stages (a version-2 {@code pipeline}, or the stages
 * of a classic job), its inputs and its {@code nr_reduces} (the labels) decide it: the first stage
 * has a task per input; {@code split} keeps the previous stage's count; {@code group_label} makes
 * one per label (at most: a label no task wrote gets none), {@code group_all} one. {@code group_node} and {@code group_node_label} depend on the nodes that
 * ran the previous stage: one node on the embedded master, unknown on a remote one.
 */
final class StageTotals {
    private final Map<String, Long> totals;

    private StageTotals(Map<String, Long> totals) {
        this.totals = Map.copyOf(totals);
    }

    /** No stage's total known. */
    static StageTotals none() {
        return new StageTotals(Map.of());
    }

    /** The totals of the job described by {@code jobdict}; {@code oneNode} on the embedded master. */
    static StageTotals of(Map<String, Object> jobdict, boolean oneNode) {
        Objects.requireNonNull(jobdict, "jobdict");
        Object inputList = jobdict.containsKey("pipeline") ? jobdict.get("inputs") : jobdict.get("input");
        Long count = inputList instanceof Collection<?> inputs && inputs.stream().noneMatch(StageTotals::isDir)
                ? (Long) (long) inputs.size() : null;
        Long labels = jobdict.get("nr_reduces") instanceof Number n ? n.longValue() : null;
        Map<String, Long> totals = new HashMap<>();
        boolean first = true;
        for (List<String> stage : stages(jobdict)) {
            String grouping = stage.get(1);
            if (!first || !"split".equals(grouping)) {
                count = switch (grouping) {
                    case "split" -> count;
                    case "group_label" -> labels;
                    case "group_all" -> 1L;
                    case "group_node" -> oneNode ? (Long) 1L : null;
                    case "group_node_label" -> oneNode ? labels : null;
                    default -> null;
                };
            }
            first = false;
            if (count != null) {
                totals.put(stage.get(0), count);
            }
        }
        return new StageTotals(totals);
    }

    /**
     * The stages ({@code [name, grouping]}) of a version-2 jobdict's {@code pipeline}, or those a
     * classic (version-1) jobdict stands for, as {@code jobpack:pipeline1} translates it.
     */
    private static List<List<String>> stages(Map<String, Object> d) {
        List<List<String>> stages = new ArrayList<>();
        if (d.get("pipeline") instanceof List<?> pipeline) {
            for (Object entry : pipeline) {
                if (entry instanceof List<?> stage && stage.size() >= 2) {
                    stages.add(List.of(String.valueOf(stage.get(0)), String.valueOf(stage.get(1))));
                }
            }
            return stages;
        }
        boolean oneReduce = d.get("nr_reduces") instanceof Number n && n.doubleValue() == 1.0;
        if (Boolean.TRUE.equals(d.get("map?"))) {
            stages.add(List.of("map", "split"));
            stages.add(List.of("map_shuffle", "group_node"));
        }
        if (Boolean.TRUE.equals(d.get("reduce?"))) {
            stages.add(List.of("reduce", oneReduce ? "group_all" : "group_label"));
            if (!oneReduce && Boolean.TRUE.equals(d.get("reduce_shuffle?"))) {
                stages.add(List.of("reduce_shuffle", "group_node"));
            }
        }
        return stages;
    }

    /** True for a {@code dir://} input (a URL or a replica list), whose index lists an unknown number of inputs. */
    private static boolean isDir(Object input) {
        Object first = input instanceof List<?> l && !l.isEmpty() ? l.get(0) : input;
        return String.valueOf(first).startsWith("dir://");
    }

    /** The expected number of tasks of {@code stage}, if known. */
    OptionalLong of(String stage) {
        Long n = totals.get(stage);
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }
}
