package io.jdisco.worker.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.testing.LineWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths, announcement order and discarding (SPEC §2.4.6, §8.5). */
class TaskOutputsTest {
    @TempDir
    Path home;

    private Task task() {
        return Task.builder().taskid(3).master("http://m:8989").ddfsData("/ddfs").discoData("/data").stage("reduce")
                .grouping("group_label").group(1, "").jobfile(home.resolve("jobfile").toString()).jobname("J@1:2:3")
                .host("h").uid("reduce:1--3-ab-99").build();
    }

    @Test
    void outputsAreClosedAndAnnouncedInLabelOrderThenResults() throws Exception {
        TaskOutputs outputs = new TaskOutputs(task(), (spec, file) -> new LineWriter(file));
        outputs.output(5).add("k", 1);
        outputs.output(null).add("k", 2);
        outputs.output(1).add("k", 3);
        List<String> sent = new ArrayList<>();
        outputs.send(new OutputReporter() {
            @Override
            public void output(int label, String location, long size) {
                sent.add(label + " " + location + " " + size);
            }

            @Override
            public void status(String text) {
                sent.add(text);
            }
        });
        String dir = task().taskpath();
        assertEquals(List.of("0 " + dir + "/reduce:1--3-ab-99 4", "1 " + dir + "/reduce-1--1 4",
                "5 " + dir + "/reduce-1--5 4", "Results sent to master"), sent);
    }

    @Test
    void furtherOutputsOfALabelFollowItsFirstInTheOrderMade() throws Exception {
        TaskOutputs outputs = new TaskOutputs(task(), (spec, file) -> new LineWriter(file));
        outputs.output(2).add("k", 1);
        outputs.another(1).add("k", 2); // opens label 1's first output too
        outputs.another(2).add("k", 3);
        outputs.another(1).add("k", 4);
        List<String> sent = new ArrayList<>();
        outputs.send(new OutputReporter() {
            @Override
            public void output(int label, String location, long size) {
                sent.add(label + " " + location);
            }

            @Override
            public void status(String text) {
                sent.add(text);
            }
        });
        String dir = task().taskpath();
        assertEquals(List.of("1 " + dir + "/reduce-1--1", "1 " + dir + "/reduce-1--1-1", "1 " + dir + "/reduce-1--1-2",
                "2 " + dir + "/reduce-1--2", "2 " + dir + "/reduce-1--2-1", "Results sent to master"), sent);
        assertEquals("k\t4\n", Files.readString(home.resolve(dir + "/reduce-1--1-2")));
    }

    @Test
    void discardDeletesPartialFilesAndPublishesNothing() throws Exception {
        TaskOutputs outputs = new TaskOutputs(task(), (spec, file) -> new LineWriter(file));
        outputs.output(0).add("k", 1);
        Path dir = home.resolve(task().taskpath());
        assertTrue(Files.exists(dir));
        outputs.discard();
        assertFalse(Files.exists(dir));
    }

    @Test
    void absolutePathIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputLocations.checkLocal("/srv/out"));
        assertTrue(e.getMessage().contains("is absolute"), e.getMessage());
    }

    @Test
    void colonBeforeTheFirstSlashIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputLocations.checkLocal("map:0-x/out"));
        assertTrue(e.getMessage().contains("read 'map' as a URL scheme"), e.getMessage());
    }

    @Test
    void taskPathsAreValidLocations() {
        assertEquals("0e/map:0-node1-0-3f-12345/map-0-node1-0",
                OutputLocations.checkLocal("0e/map:0-node1-0-3f-12345/map-0-node1-0"));
    }
}
