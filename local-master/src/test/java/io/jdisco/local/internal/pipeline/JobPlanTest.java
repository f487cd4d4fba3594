package io.jdisco.local.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jdisco.worker.core.jobpack.JobPack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPlanTest {
    private static List<String> stages(boolean map, boolean reduce, boolean reduceShuffle, Object nr) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("input", List.of("raw://a", List.of("http://h/1", "http://h/2"), List.of("dir://n/disco/i", "dir://m/x")));
        d.put("map?", map);
        d.put("reduce?", reduce);
        d.put("reduce_shuffle?", reduceShuffle);
        d.put("nr_reduces", nr);
        JobPlan p = JobPlan.of(new JobPack(JobPack.VERSION1, d, Map.of(), new byte[0], new byte[0]));
        return p.stages().stream().map(s -> s.name() + " " + s.grouping()).toList();
    }

    @Test
    void classicJobsTranslateAsJobpackPipeline1() {
        assertEquals(List.of(), stages(false, false, false, 1));
        assertEquals(List.of("reduce group_all"), stages(false, true, true, 1));
        assertEquals(List.of("reduce group_label", "reduce_shuffle group_node"), stages(false, true, true, 2));
        assertEquals(List.of("reduce group_label"), stages(false, true, false, 2));
        assertEquals(List.of("map split", "map_shuffle group_node"), stages(true, false, false, 3));
        assertEquals(List.of("map split", "map_shuffle group_node", "reduce group_all"), stages(true, true, true, 1));
        assertEquals(List.of("map split", "map_shuffle group_node", "reduce group_label", "reduce_shuffle group_node"),
                stages(true, true, true, 2));
        assertEquals(List.of("map split", "map_shuffle group_node", "reduce group_label"), stages(true, true, false, "2"));
    }

    @Test
    void classicInputsAreDataExceptTheFirstDirUrlOfAList() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("input", List.of("raw://a", List.of("http://h/1", "http://h/2"), List.of("dir://n/disco/i", "dir://m/x")));
        d.put("nr_reduces", 1);
        JobPlan p = JobPlan.of(new JobPack(JobPack.VERSION1, d, Map.of(), new byte[0], new byte[0]));
        assertEquals(new StageOutput.Data(0, 0, List.of("raw://a")), p.inputs().get(0).data());
        assertEquals(List.of("http://h/1", "http://h/2"), p.inputs().get(1).data().urls());
        assertNull(p.inputs().get(2).data());
        assertEquals("dir://n/disco/i", p.inputs().get(2).dirUrl());
    }

    @Test
    void pipelineJobsKeepTheirStagesAndLabelledInputs() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("pipeline", List.of(List.of("a", "split", false), List.of("b", "group_node_label", true)));
        d.put("inputs", List.of(List.of(3, 100, List.of("raw://x", "raw://y"))));
        JobPlan p = JobPlan.of(new JobPack(JobPack.VERSION2, d, Map.of(), new byte[0], new byte[0]));
        assertEquals(List.of(new JobPlan.Stage("a", "split", false), new JobPlan.Stage("b", "group_node_label", true)),
                p.stages());
        assertEquals(new StageOutput.Data(3, 100, List.of("raw://x", "raw://y")), p.inputs().get(0).data());
    }
}
