package io.jdisco.local.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeLayoutTest {
    private final NodeLayout layout = new NodeLayout(Path.of("/srv/disco"), "localhost");

    @Test
    void jobHomeAndUrlsFollowTheNodeLayout() {
        String job = "CaptureWordCount@703:c87e9:e1991";
        assertEquals(Path.of("/srv/disco/data/localhost/f5/" + job), layout.jobHome(job));
        assertEquals("dir://localhost/disco/localhost/f5/" + job + "/.disco/map-0-1.results",
                layout.dirUrl(job, ".disco/map-0-1.results"));
        assertEquals("disco://localhost/disco/localhost/f5/" + job + "/cd/x", layout.discoUrl(job, "cd/x"));
    }

    @Test
    void urlsOfThisHostMapToDiscoDataOrDdfsData() {
        assertEquals(Optional.of(Path.of("/srv/disco/data/localhost/ab/j/x")),
                layout.localFile("disco://localhost/disco/localhost/ab/j/x"));
        assertEquals(Optional.of(Path.of("/srv/disco/ddfs/vol0/blob/aa/b$1")),
                layout.localFile("disco://localhost/ddfs/vol0/blob/aa/b$1"));
        assertEquals(Optional.empty(), layout.localFile("disco://otherhost/disco/x"));
    }

    @Test
    void pathsLeavingTheDataDirectoriesAreRefused() {
        assertEquals(Optional.empty(), layout.servedFile("/disco/../secret"));
        assertEquals(Optional.empty(), layout.servedFile("/ddfs/vol0/../../data/x"));
        assertEquals(Optional.empty(), layout.servedFile("/etc/passwd"));
    }
}
