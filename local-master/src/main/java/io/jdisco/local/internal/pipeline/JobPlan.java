package io.jdisco.local.internal.pipeline;

import io.jdisco.worker.core.jobpack.JobPack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job's pipeline and its inputs, from a validated job pack: a version-2 pack's {@code pipeline}
 * and {@code inputs} as given (SPEC §3.4); a version-1 pack translated like
 * {@code jobpack:pipeline1} (SPEC §3.5):
 *
 * <pre>
 *   map? reduce? reduce_shuffle? nr_reduces   stages
 *   no   no      -               -            (none: the inputs are the results)
 *   no   yes     -               1            reduce group_all
 *   no   yes     yes             !=1          reduce group_label, reduce_shuffle group_node
 *   no   yes     no              !=1          reduce group_label
 *   yes  no      -               -            map split, map_shuffle group_node
 *   yes  yes     -               1            map split, map_shuffle group_node, reduce group_all
 *   yes  yes     yes             !=1          ... reduce group_label, reduce_shuffle group_node
 *   yes  yes     no              !=1          map split, map_shuffle group_node, reduce group_label
 * </pre>
 *
 * Version-1 inputs: a URL or a replica list each; a {@code dir://} input (the first of its list)
 * becomes a dir input whose labels come from its index file.
 *
 * @param stages the stages, in order
 * @param inputs the job inputs: data inputs, and {@code dir://} URLs still to be read
 */
public record JobPlan(List<Stage> stages, List<Input> inputs) {
    /** Copies the lists. */
    public JobPlan {
        stages = List.copyOf(stages);
        inputs = List.copyOf(inputs);
    }

    /**
     * One stage: {@code [name, grouping, concurrent]}.
     *
     * @param name the stage name
     * @param grouping its grouping
     * @param concurrent whether the real master may start the next stage early (run non-concurrently here)
     */
    public record Stage(String name, String grouping, boolean concurrent) {
        /** Checks the fields. */
        public Stage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(grouping, "grouping");
        }
    }

    /**
     * A job input before its dir index is read.
     *
     * @param data the data input, or null for a dir input
     * @param dirUrl the {@code dir://} URL of a dir input, or null
     */
    public record Input(StageOutput.Data data, String dirUrl) {
    }

    /** The plan of {@code pack} (already validated). */
    public static JobPlan of(JobPack pack) {
        Map<String, Object> d = pack.jobdict();
        return pack.version() == JobPack.VERSION1 ? classic(d) : pipeline(d);
    }

    private static JobPlan classic(Map<String, Object> d) {
        boolean map = Boolean.TRUE.equals(d.get("map?"));
        boolean reduce = Boolean.TRUE.equals(d.get("reduce?"));
        boolean reduceShuffle = Boolean.TRUE.equals(d.get("reduce_shuffle?"));
        Object nr = d.get("nr_reduces");
        boolean oneReduce = nr instanceof Number n && n.doubleValue() == 1.0;
        List<Stage> stages = new ArrayList<>();
        if (map) {
            stages.add(new Stage("map", "split", false));
            stages.add(new Stage("map_shuffle", "group_node", false));
        }
        if (reduce) {
            if (oneReduce) {
                stages.add(new Stage("reduce", "group_all", false));
            } else {
                stages.add(new Stage("reduce", "group_label", false));
                if (reduceShuffle) {
                    stages.add(new Stage("reduce_shuffle", "group_node", false));
                }
            }
        }
        List<Input> inputs = new ArrayList<>();
        for (Object in : (List<?>) d.get("input")) {
            List<String> urls = new ArrayList<>();
            if (in instanceof List<?> l) {
                l.forEach(u -> urls.add(String.valueOf(u)));
            } else {
                urls.add(String.valueOf(in));
            }
            if (!urls.isEmpty() && urls.get(0).startsWith("dir://")) {
                inputs.add(new Input(null, urls.get(0)));
            } else {
                inputs.add(new Input(new StageOutput.Data(0, 0, urls), null));
            }
        }
        return new JobPlan(stages, inputs);
    }

    private static JobPlan pipeline(Map<String, Object> d) {
        List<Stage> stages = new ArrayList<>();
        for (Object s : (List<?>) d.get("pipeline")) {
            List<?> l = (List<?>) s;
            stages.add(new Stage((String) l.get(0), (String) l.get(1), (Boolean) l.get(2)));
        }
        List<Input> inputs = new ArrayList<>();
        for (Object i : (List<?>) d.get("inputs")) {
            List<?> l = (List<?>) i;
            List<String> urls = new ArrayList<>();
            ((List<?>) l.get(2)).forEach(u -> urls.add((String) u));
            inputs.add(new Input(new StageOutput.Data(((Number) l.get(0)).intValue(), ((Number) l.get(1)).longValue(),
                    urls), null));
        }
        return new JobPlan(stages, inputs);
    }

    /** Every input URL, flattened (jobinfo's {@code inputs}). */
    public List<String> inputUrls() {
        List<String> out = new ArrayList<>();
        for (Input i : inputs) {
            if (i.data() != null) {
                out.addAll(i.data().urls());
            } else {
                out.add(i.dirUrl());
            }
        }
        return out;
    }
}
