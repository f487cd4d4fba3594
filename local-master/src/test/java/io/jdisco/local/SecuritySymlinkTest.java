package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jdisco.local.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the node's data server serves only regular files whose real path is inside the data
 * directory. A symbolic link in the data (to a file or a directory outside) gets 404, as a
 * missing file does; a link to a file inside the data is served.
 */
class SecuritySymlinkTest {
    @TempDir
    static Path outside;

    private static LocalMaster master;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        master = LocalMaster.start(LocalMasterConfig.builder().slots(1).build());
        port = master.port();
        Path secret = Files.writeString(outside.resolve("secret.txt"), "the secret");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/file"), "the secret too");

        Path job = master.discoData().resolve("localhost/ab/Job@1:2:3");
        Files.createDirectories(job);
        Files.writeString(job.resolve("part-0"), "data inside");
        Files.createSymbolicLink(job.resolve("link-out"), secret);
        Files.createSymbolicLink(job.resolve("dir-out"), outside.resolve("dir"));
        Files.createSymbolicLink(job.resolve("link-in"), job.resolve("part-0"));
        Files.createSymbolicLink(job.resolve("dangling"), outside.resolve("missing"));
        Path blobs = master.ddfsData().resolve("vol0/blob/cd");
        Files.createDirectories(blobs);
        Files.createSymbolicLink(blobs.resolve("b$1-2-3"), secret);
        Files.createSymbolicLink(master.ddfsData().resolve("vol1"), outside);
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    private static RawHttp.Reply get(String path) throws Exception {
        return RawHttp.local(port).header("Host", "localhost:" + port).get(path);
    }

    private static void assertNotServed(String path) throws Exception {
        RawHttp.Reply r = get(path);
        assertEquals(404, r.status(), path + ": " + r.body());
        assertFalse(r.body().contains("the secret"), r.body());
        assertEquals(404, RawHttp.local(port).send("HEAD", path, new byte[0]).status(), "HEAD " + path);
    }

    @Test
    void aLinkToAFileOutsideIsNotFollowed() throws Exception {
        assertNotServed("/disco/localhost/ab/Job@1:2:3/link-out");
        assertNotServed("/proxy/localhost/GET/disco/localhost/ab/Job@1:2:3/link-out");
    }

    @Test
    void aLinkedDirectoryOutsideIsNotFollowed() throws Exception {
        assertNotServed("/disco/localhost/ab/Job@1:2:3/dir-out/file");
    }

    @Test
    void ddfsBlobLinksAreNotFollowed() throws Exception {
        assertNotServed("/ddfs/vol0/blob/cd/b$1-2-3");
        assertNotServed("/ddfs/vol1/secret.txt");
    }

    @Test
    void aDanglingLinkAndADirectoryAreNotFound() throws Exception {
        assertNotServed("/disco/localhost/ab/Job@1:2:3/dangling");
        assertNotServed("/disco/localhost/ab/Job@1:2:3");
    }

    @Test
    void aLinkInsideTheDataIsServed() throws Exception {
        RawHttp.Reply r = get("/disco/localhost/ab/Job@1:2:3/link-in");
        assertEquals(200, r.status(), r.body());
        assertEquals("data inside", r.body());
        assertEquals("data inside", get("/disco/localhost/ab/Job@1:2:3/part-0").body());
    }

    @Test
    void aBlobCannotBeWrittenThroughALinkedDirectory() throws Exception {
        // vol1 leads out of DDFS_DATA: a PUT there must not create a file in the linked directory.
        RawHttp.Reply r = RawHttp.local(port).send("PUT", "/ddfs/vol1/blob/ab/x$1-2-3",
                "payload".getBytes(StandardCharsets.US_ASCII));
        assertEquals(500, r.status(), r.body());
        assertFalse(Files.exists(outside.resolve("blob")), "nothing was written outside");
    }
}
