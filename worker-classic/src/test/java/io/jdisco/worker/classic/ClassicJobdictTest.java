package io.jdisco.worker.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The classic jobdict keys (SPEC §5.3) made on the client. */
class ClassicJobdictTest {
    /** A dir:// scheme whose every index lists labels 0 and 2 of two files. */
    static final class TwoLabelDirs implements SchemeProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("dir");
        }

        @Override
        public boolean isIndirect() {
            return true;
        }

        @Override
        public InputLink open(String url, SchemeContext context) {
            return new InputLink(new ByteArrayInputStream(new byte[0]), 0, url);
        }

        @Override
        public List<ResolvedInput> expand(String url, SchemeContext context) {
            return List.of(new ResolvedInput(0, 10, List.of(url + "/a")), new ResolvedInput(2, 20, List.of(url + "/b")));
        }
    }

    /** A classic worker reading index inputs through {@link TwoLabelDirs}. */
    static final class OfflineWorker extends ClassicWorker {
        private static final long serialVersionUID = 1L;

        OfflineWorker(Map<String, ?> values) {
            super(values);
        }

        @Override
        protected SchemeContext clientSchemeContext() {
            return BasicSchemeContext.of(Schemes.of(new TwoLabelDirs()));
        }
    }

    private static Map<String, Object> dict(ClassicJob job, Map<String, ?> jobargs) {
        return new OfflineWorker(job.worker().parameters()).jobdict(Map.of(), jobargs);
    }

    @Test
    void mapReduceJobHasItsFlagsAndPartitionsAsReduces() {
        ClassicJob job = ClassicJob.builder("wc").input("http://h/a", "raw://x").map(ClassicFunctions.nopMap())
                .reduce(ClassicFunctions.nopReduce()).partitions(4).build();
        Map<String, Object> d = dict(job, Map.of());
        assertEquals("wc", d.get("prefix"));
        assertEquals(List.of("http://h/a", "raw://x"), d.get("input"));
        assertEquals(true, d.get("map?"));
        assertEquals(true, d.get("reduce?"));
        assertEquals(false, d.get("reduce_shuffle?"));
        assertEquals(4, d.get("nr_reduces"));
        assertEquals(false, d.get("save_results"));
    }

    @Test
    void jobArgumentsOverrideTheParameters() {
        ClassicJob job = ClassicJob.builder("wc").input("raw://x").map(ClassicFunctions.nopMap()).partitions(4).build();
        Map<String, Object> d = dict(job, Map.of("partitions", 7, "save", true));
        assertEquals(7, d.get("nr_reduces"));
        assertEquals(true, d.get("save_results"));
    }

    @Test
    void mergePartitionsMakesOneReduce() {
        ClassicJob job = ClassicJob.builder("m").input("raw://x").map(ClassicFunctions.nopMap())
                .reduce(ClassicFunctions.nopReduce()).partitions(4).mergePartitions(true).build();
        assertEquals(1, dict(job, Map.of()).get("nr_reduces"));
    }

    @Test
    void indexInputsOfAMapJobAreExpandedIntoTheirOutputs() {
        ClassicJob job = ClassicJob.builder("m").input("dir://h/i").map(ClassicFunctions.nopMap()).build();
        assertEquals(List.of(List.of("dir://h/i/a"), List.of("dir://h/i/b")), dict(job, Map.of()).get("input"));
    }

    @Test
    void indexInputsOfAReduceOnlyJobStayAndSetTheReduceCount() {
        ClassicJob job = ClassicJob.builder("r").input("dir://h/i").reduce(ClassicFunctions.nopReduce()).build();
        Map<String, Object> d = dict(job, Map.of());
        assertEquals(List.of("dir://h/i"), d.get("input"));
        assertEquals(false, d.get("map?"));
        assertEquals(3, d.get("nr_reduces"), "one more than the largest label");
    }

    @Test
    void inputThatIsNotAListIsRefused() {
        ClassicJob job = ClassicJob.builder("bad").set("input", "http://h/a").map(ClassicFunctions.nopMap()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dict(job, Map.of()));
        assertTrue(e.getMessage().contains("not a list"), e.getMessage());
    }

    @Test
    void subclassOverridingMapHasAMap() {
        ClassicWorker w = new ClassicWorker() {
            private static final long serialVersionUID = 1L;

            @Override
            protected Iterable<io.jdisco.worker.Tuple> map(Object entry, io.jdisco.worker.Params params) {
                return List.of();
            }
        };
        assertTrue(w.hasMap(null));
        assertEquals(false, w.hasReduce(null));
    }
}
