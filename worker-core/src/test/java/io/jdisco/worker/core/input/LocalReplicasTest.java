package io.jdisco.worker.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which replica URLs are local files (Python's {@code localize}). */
class LocalReplicasTest {
    @TempDir
    Path root;

    private Task task() {
        return Task.builder().master("http://m:8989").ddfsData(root.resolve("ddfs").toString())
                .discoData(root.resolve("data").toString()).stage("map").grouping("split").group(0, "n1")
                .jobfile(root.resolve("home/jobfile").toString()).jobname("J").host("n1").build();
    }

    @Test
    void discoUrlsOfThisHostMapToTheDataDirectories() {
        assertEquals(Optional.of(root.resolve("ddfs/vol0/blob/x")),
                LocalReplicas.localPath("disco://n1/ddfs/vol0/blob/x", task()));
        assertEquals(Optional.of(root.resolve("data/n1/97/J/out")),
                LocalReplicas.localPath("disco://n1/disco/n1/97/J/out", task()));
    }

    @Test
    void otherHostsAndHttpAreNotLocal() {
        assertEquals(Optional.empty(), LocalReplicas.localPath("disco://n2/ddfs/x", task()));
        assertEquals(Optional.empty(), LocalReplicas.localPath("http://n1:8989/ddfs/x", task()));
    }

    @Test
    void onlyExistingFilesCount() throws Exception {
        Path blob = root.resolve("ddfs/vol0/blob/x");
        Files.createDirectories(blob.getParent());
        assertFalse(LocalReplicas.existing(task()).test("disco://n1/ddfs/vol0/blob/x"));
        Files.writeString(blob, "data");
        assertTrue(LocalReplicas.existing(task()).test("disco://n1/ddfs/vol0/blob/x"));
        assertTrue(LocalReplicas.existing(task()).test("file://" + blob));
    }
}
