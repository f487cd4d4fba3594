package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.RawHttp;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.CommException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: what a request may make the master hold or store. Job names with control
 * characters or over 255 bytes are refused at submission (400); a DDFS blob over the limit gets
 * 413 whether its size is announced or it comes in chunks, and leaves nothing on disk; a job
 * pack over the limit gets 413 before its body is read.
 */
class SecurityLimitsTest {
    private static final int MAX_BLOB = 1000;
    private static final int MAX_PACK = 100_000;

    private static Fixture f;
    private static int port;

    @BeforeAll
    static void start() {
        f = new Fixture(Fixture.config().maxBlobBytes(MAX_BLOB).maxPackBytes(MAX_PACK).build());
        port = f.master.port();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static byte[] pack(String prefix) {
        return TestPacks.scriptPack(TestPacks.classic(prefix, List.of("raw://a"), true, false, 1),
                TestPacks.shellWorker("sleep 30"));
    }

    private static String refusedName(String prefix) {
        CommException e = assertThrows(CommException.class, () -> f.disco.submit(pack(prefix)));
        assertEquals(OptionalInt.of(400), e.status(), e.getMessage());
        assertTrue(e.getMessage().contains("invalid job name prefix"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void controlCharactersInTheJobNameAreRefused() throws Exception {
        assertTrue(refusedName("Word\tCount").contains("U+0009"), "tab");
        assertTrue(refusedName("Word\nCount").contains("U+000A"), "newline");
        assertTrue(refusedName("Word\0Count").contains("U+0000"), "NUL");
        assertTrue(refusedName("Word\u007fCount").contains("U+007F"), "DEL");
        assertTrue(refusedName("Word\u202eCount").contains("U+202E"), "right-to-left override");
        assertTrue(refusedName("Word\u2028Count").contains("U+2028"), "line separator");
        assertTrue(refusedName("Word\tCount").contains("'Word\\u0009Count'"), "the prefix is shown escaped");
        assertTrue(f.disco.jobs().stream().noneMatch(j -> j.name().startsWith("Word")), "no job was registered");
    }

    @Test
    void aJobNameOver255BytesIsRefusedAndOneWithinIsAccepted() throws Exception {
        // the name is the prefix, '@' and a suffix of at least 5 characters ("0:0:0", hex digits of
        // the time and a counter: usually 15), so a prefix of 250 bytes always makes more than 255
        String tooLong = refusedName("x".repeat(250));
        assertTrue(tooLong.contains("more than 255"), tooLong);
        // 'é' is two bytes: 125 of them are 250 bytes, a name over 255 bytes in 131 characters or more.
        assertTrue(refusedName("é".repeat(125)).contains("bytes in UTF-8"));
        // No stage: the job is ready at once, its results are its inputs; no worker runs.
        String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("ü".repeat(100), List.of("raw://a"), false,
                false, 1), "#!/bin/sh\n"));
        assertTrue(job.startsWith("ü".repeat(100) + "@"), job);
        assertEquals(List.of(List.of("raw://a")), f.await(job));
        assertTrue(f.disco.jobs().stream().anyMatch(j -> j.name().equals(job)));
    }

    @Test
    void aBlobAnnouncedOverTheLimitIsRefusedBeforeItsBodyIsSent() throws Exception {
        String location = newBlob("big");
        // Only the head is sent: the 413 proves the master answered without waiting for the body.
        RawHttp.Reply r = RawHttp.local(port).header("Content-Length", Integer.toString(1 << 30))
                .send("PUT", location, new byte[0]);
        assertEquals(413, r.status(), r.body());
        assertTrue(r.body().contains("larger than " + MAX_BLOB + " bytes"), r.body());
        assertEquals(0, blobFiles(), "nothing stored");
    }

    @Test
    void aChunkedBlobOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        String location = newBlob("chunked");
        byte[] chunk = new byte[600];
        Arrays.fill(chunk, (byte) 'a');
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            body.append("258\r\n").append(new String(chunk, StandardCharsets.US_ASCII)).append("\r\n");
        }
        body.append("0\r\n\r\n");
        RawHttp.Reply r = RawHttp.local(port).header("Transfer-Encoding", "chunked")
                .send("PUT", location, body.toString().getBytes(StandardCharsets.US_ASCII));
        assertEquals(413, r.status(), r.body());
        assertEquals(0, blobFiles(), "no blob and no partial file");
    }

    @Test
    void aBlobWithinTheLimitIsStored() throws Exception {
        String location = newBlob("small");
        byte[] body = new byte[MAX_BLOB];
        RawHttp.Reply r = RawHttp.local(port).send("PUT", location, body);
        assertEquals(201, r.status(), r.body());
        assertTrue(r.body().startsWith("\"disco://localhost/ddfs/vol0/blob/"), r.body());
        Files.deleteIfExists(f.master.ddfsData().resolve(location.substring("/ddfs/".length())));
    }

    @Test
    void aJobPackAnnouncedOverTheLimitIsRefusedUnread() throws Exception {
        RawHttp.Reply r = RawHttp.local(port).header("Content-Length", Integer.toString(MAX_PACK + 1))
                .send("POST", "/disco/job/new", new byte[0]);
        assertEquals(413, r.status(), r.body());
        assertTrue(r.body().contains("Job packet too large"), r.body());
        CommException e = assertThrows(CommException.class, () -> f.disco.submit(new byte[MAX_PACK + 1]));
        assertEquals(OptionalInt.of(413), e.status());
    }

    @Test
    void aClientsNextRequestAfterARefusedPackIsAnswered() throws Exception {
        for (int i = 0; i < 20; i++) {
            CommException e = assertThrows(CommException.class, () -> f.disco.submit(new byte[MAX_PACK + 1]));
            assertEquals(OptionalInt.of(413), e.status(), e.getMessage());
            f.disco.jobs(); // on a connection of its own: the refused one was closed, with "Connection: close"
        }
        RawHttp.Reply r = RawHttp.local(port).header("Content-Length", Integer.toString(MAX_PACK + 1))
                .send("POST", "/disco/job/new", new byte[0]);
        assertTrue(r.headers().toLowerCase(java.util.Locale.ROOT).contains("connection: close"), r.headers());
    }

    /** The path of a new blob called {@code name} on this master ({@code GET /ddfs/new_blob/<name>}). */
    private static String newBlob(String name) throws IOException {
        RawHttp.Reply r = RawHttp.local(port).get("/ddfs/new_blob/" + name);
        assertEquals(200, r.status(), r.body());
        String url = r.body().substring(2, r.body().length() - 2);
        return url.substring(url.indexOf("/ddfs/"));
    }

    private static long blobFiles() throws IOException {
        Path blobs = f.master.ddfsData().resolve("vol0/blob");
        if (!Files.exists(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
