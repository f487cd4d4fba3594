package io.jdisco.worker.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassicStagesTest {
    @Test
    void aMapReduceJobWithItsDefaults() {
        ClassicJob job = ClassicJob.builder("wc").map(ClassicFunctions.nopMap()).reduce(ClassicFunctions.nopReduce())
                .build();
        ClassicStages s = ClassicStages.of(job.worker(), Map.of(), Map.of());
        assertTrue(s.hasMap());
        assertTrue(s.hasReduce());
        assertFalse(s.reduceShuffle());
        assertFalse(s.mergePartitions());
        assertEquals(1, s.partitions());
    }

    @Test
    void jobArgumentsOverrideTheJobThatOverridesTheWorker() {
        ClassicJob job = ClassicJob.builder("wc").map(ClassicFunctions.nopMap()).partitions(4).build();
        assertEquals(5, ClassicStages.of(job.worker(), Map.of("partitions", 5), null).partitions());
        ClassicStages s = ClassicStages.of(job.worker(), Map.of("partitions", 5),
                Map.of("partitions", 7, "reduce_shuffle", 1, "merge_partitions", "yes"));
        assertEquals(7, s.partitions());
        assertTrue(s.reduceShuffle(), "Python's truth: 1");
        assertTrue(s.mergePartitions(), "Python's truth: a non-empty string");
        assertFalse(s.hasReduce());
    }

    @Test
    void noneOrFalsePartitionsMeanUnpartitionedOutput() {
        ClassicWorker w = ClassicJob.builder("m").map(ClassicFunctions.nopMap()).build().worker();
        Map<String, Object> none = new HashMap<>();
        none.put("partitions", null);
        assertEquals(0, ClassicStages.of(w, none, null).partitions());
        assertEquals(0, ClassicStages.of(w, Map.of("partitions", false), null).partitions());
    }

    @Test
    void aBadPartitionCountIsRefusedWhenAskedFor() {
        ClassicWorker w = ClassicJob.builder("m").map(ClassicFunctions.nopMap()).build().worker();
        ClassicStages s = ClassicStages.of(w, Map.of("partitions", "many"), null);
        assertTrue(s.hasMap(), "the other stages are still known");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::partitions);
        assertTrue(e.getMessage().contains("partitions"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ClassicStages.of(w, Map.of("partitions", -1), null).partitions());
    }

    @Test
    void aSubclassOverridingReduceHasAReduceAndNoMap() {
        ClassicWorker w = new ClassicWorker() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void reduce(Iterable<Tuple> entries, io.jdisco.worker.fn.Emitter out, Params params) {
            }
        };
        ClassicStages s = ClassicStages.of(w, null, null);
        assertFalse(s.hasMap());
        assertTrue(s.hasReduce());
    }
}
