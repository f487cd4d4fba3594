package io.jdisco.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TaskTest {
    private static Task.Builder base() {
        return Task.builder().taskid(0).master("http://master:8989").discoPort(8989).putPort(8990)
                .ddfsData("/srv/disco/ddfs").discoData("/srv/disco/data").stage("map").grouping("split")
                .group(0, "node1").jobfile("/srv/disco/data/node1/97/WordCount@5a2:1b3c4:9d2e1/jobfile")
                .jobname("WordCount@5a2:1b3c4:9d2e1").host("node1");
    }

    @Test
    void derivesPathsLikePython() {
        Task t = base().uid("map:0-node1-0-3f-12345").build();
        assertEquals("0-node1", t.group());
        assertEquals("node1/97/WordCount@5a2:1b3c4:9d2e1", t.jobpath());
        String hh = DiscoNames.hexhash("map:0-node1-0-3f-12345");
        assertEquals(hh + "/map:0-node1-0-3f-12345", t.taskpath());
        assertEquals(hh + "/map:0-node1-0-3f-12345/map-0-node1-2", t.outputPath(2));
        assertEquals("disco://node1/disco/node1/97/WordCount@5a2:1b3c4:9d2e1/" + t.path("x"), t.url("x"));
        assertEquals(Path.of("/srv/disco/data/node1/97/WordCount@5a2:1b3c4:9d2e1"), t.jobHome());
    }

    @Test
    void unlabelledOutputIsTheUidFileWithLabelZero() {
        Task t = base().uid("reduce:0--3-aa-1").build();
        assertEquals(new Task.OutputSpec(t.path("reduce:0--3-aa-1"), "disco", 0), t.output(null));
        assertEquals(new Task.OutputSpec(t.outputPath(5), "part", 5), t.output(5));
    }

    @Test
    void generatedUidHasPythonShape() {
        Task t = base().group(3, "").stage("reduce").taskid(7).build();
        assertTrue(t.uid().matches("reduce:3--7-[0-9a-f]{2}-\\d+"), t.uid());
    }

    @Test
    void groupHostCharactersOutsideSafeSetBecomeUnderscores() {
        Task t = base().group(1, "node.example.com").build();
        assertTrue(t.uid().startsWith("map:1-node_example_com-0-"), t.uid());
    }

    @Test
    void missingFieldIsNamed() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Task.builder().taskid(0).master("m").build());
        assertEquals("ddfsData", e.getMessage());
    }

    @Test
    void groupLabelMustBeIntegerOrAll() {
        assertEquals("all", base().group("all", "").build().groupLabel());
        assertThrows(IllegalArgumentException.class, () -> base().group("x", "").build());
    }
}
