package io.jdisco.local.internal.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The master's {@code pipeline_utils:group_outputs} (SPEC §6.5): turns the outputs of one stage
 * into the task groups of the next.
 *
 * <pre>
 *   grouping          groups (key {label, host})                  label a task's input carries
 *   split             one per data output {L, its host};          data: own; dir: L
 *                     one per label L of each dir {L, dir host}
 *   group_label       one per label L: {L, ""}                     data: own; dir: L
 *   group_node_label  one per (L, host)                            data: own; dir: L
 *   group_node        one per host: {0, host}                      data: own; dir: "all"
 *   group_all         one: {0, ""}                                 data: own; dir: "all"
 * </pre>
 *
 * Data outputs without replicas and dir outputs without labels are dropped. Groups keyed by label
 * come in label order (then host); split groups in output order.
 */
public final class Grouping {
    /** The groupings the master knows. */
    public static final List<String> NAMES = List.of("split", "group_label", "group_node", "group_node_label",
            "group_all");

    private Grouping() {
    }

    /**
     * One task group.
     *
     * @param label the group label
     * @param host the group host, {@code ""} for none
     * @param inputs the task's inputs, in order
     */
    public record Group(int label, String host, List<TaskInput> inputs) {
        /** Copies the inputs. */
        public Group {
            Objects.requireNonNull(host, "host");
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * The groups of {@code outputs} under {@code grouping}; a data output's replica host counts
     * only where {@code isClusterHost} says the cluster has that host.
     */
    public static List<Group> group(String grouping, List<StageOutput> outputs, Predicate<String> isClusterHost) {
        List<StageOutput> live = new ArrayList<>();
        for (StageOutput o : outputs) {
            if (o instanceof StageOutput.Data d ? !d.urls().isEmpty() : !((StageOutput.Dir) o).labels().isEmpty()) {
                live.add(o);
            }
        }
        switch (grouping) {
            case "split":
                return split(live, isClusterHost);
            case "group_label":
                return byKey(live, false, true, isClusterHost);
            case "group_node_label":
                return byKey(live, true, true, isClusterHost);
            case "group_node":
                return byKey(live, true, false, isClusterHost);
            case "group_all":
                return byKey(live, false, false, isClusterHost);
            default:
                throw new IllegalArgumentException("unknown grouping '" + grouping + "'; groupings are " + NAMES);
        }
    }

    private static List<Group> split(List<StageOutput> outputs, Predicate<String> isClusterHost) {
        List<Group> groups = new ArrayList<>();
        for (StageOutput o : outputs) {
            if (o instanceof StageOutput.Data d) {
                groups.add(new Group(d.label(), d.host(isClusterHost), List.of(new TaskInput(d.label(), d.urls()))));
            } else {
                StageOutput.Dir dir = (StageOutput.Dir) o;
                for (int label : dir.labels().keySet()) {
                    groups.add(new Group(label, dir.host(), List.of(new TaskInput(label, List.of(dir.url())))));
                }
            }
        }
        return groups;
    }

    /** Groups keyed by (label if byLabel else 0, host if byHost else ""). */
    private static List<Group> byKey(List<StageOutput> outputs, boolean byHost, boolean byLabel,
            Predicate<String> isClusterHost) {
        Map<Integer, Map<String, List<TaskInput>>> keyed = new TreeMap<>();
        for (StageOutput o : outputs) {
            if (o instanceof StageOutput.Data d) {
                int label = byLabel ? d.label() : 0;
                add(keyed, label, byHost ? d.host(isClusterHost) : "", new TaskInput(d.label(), d.urls()));
            } else {
                StageOutput.Dir dir = (StageOutput.Dir) o;
                String host = byHost ? dir.host() : "";
                if (byLabel) {
                    for (int label : dir.labels().keySet()) {
                        add(keyed, label, host, new TaskInput(label, List.of(dir.url())));
                    }
                } else {
                    add(keyed, 0, host, new TaskInput("all", List.of(dir.url())));
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        keyed.forEach((label, hosts) -> new TreeMap<>(hosts).forEach((host, inputs) ->
                groups.add(new Group(label, host, inputs))));
        return groups;
    }

    private static void add(Map<Integer, Map<String, List<TaskInput>>> keyed, int label, String host, TaskInput in) {
        keyed.computeIfAbsent(label, k -> new LinkedHashMap<>()).computeIfAbsent(host, k -> new ArrayList<>()).add(in);
    }
}
