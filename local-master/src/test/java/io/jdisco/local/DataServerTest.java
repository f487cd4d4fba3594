package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The node's data server: {@code /disco/...} and {@code /ddfs/...} files with GET, HEAD and Range. */
class DataServerTest {
    private static LocalMaster master;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] DATA = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void start() throws Exception {
        master = LocalMaster.start(LocalMasterConfig.builder().slots(1).build());
        Path file = master.discoData().resolve("localhost/ab/Job@1:2:3/out/part-0");
        Files.createDirectories(file.getParent());
        Files.write(file, DATA);
        Path blob = master.ddfsData().resolve("vol0/blob/cd/b$1-2-3");
        Files.createDirectories(blob.getParent());
        Files.write(blob, DATA);
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    private static HttpResponse<byte[]> get(String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(master.url() + path));
        if (range != null) {
            b.header("Range", range);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void wholeFileIsServed() throws Exception {
        HttpResponse<byte[]> r = get("/disco/localhost/ab/Job@1:2:3/out/part-0", null);
        assertEquals(200, r.statusCode());
        assertArrayEquals(DATA, r.body());
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""));
    }

    @Test
    void openRangeResumesFromAnOffset() throws Exception {
        HttpResponse<byte[]> r = get("/disco/localhost/ab/Job@1:2:3/out/part-0", "bytes=15-");
        assertEquals(206, r.statusCode());
        assertEquals("bytes 15-19/20", r.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(DATA, 15, 20), r.body());
    }

    @Test
    void closedAndSuffixRangesAreServed() throws Exception {
        assertArrayEquals("234".getBytes(StandardCharsets.US_ASCII),
                get("/disco/localhost/ab/Job@1:2:3/out/part-0", "bytes=2-4").body());
        assertArrayEquals("hij".getBytes(StandardCharsets.US_ASCII),
                get("/disco/localhost/ab/Job@1:2:3/out/part-0", "bytes=-3").body());
    }

    @Test
    void rangeBeyondTheEndIsUnsatisfiable() throws Exception {
        HttpResponse<byte[]> r = get("/disco/localhost/ab/Job@1:2:3/out/part-0", "bytes=20-");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */20", r.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    void anyRangeOfAnEmptyFileIsTheEmptyBody() throws Exception {
        // Disco 0.5.4 (mochiweb) answers 200 and no bytes; its Python client pulls an empty blob so
        Path empty = master.discoData().resolve("localhost/ab/Job@1:2:3/out/empty");
        Files.write(empty, new byte[0]);
        HttpResponse<byte[]> r = get("/disco/localhost/ab/Job@1:2:3/out/empty", "bytes=0-");
        assertEquals(200, r.statusCode());
        assertEquals(0, r.body().length);
    }

    @Test
    void headGivesTheLengthWithoutABody() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(master.url()
                + "/disco/localhost/ab/Job@1:2:3/out/part-0")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("20", r.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, r.body().length);
    }

    @Test
    void ddfsBlobsAreServedFromDdfsData() throws Exception {
        HttpResponse<byte[]> r = get("/ddfs/vol0/blob/cd/b$1-2-3", "bytes=10-");
        assertEquals(206, r.statusCode());
        assertArrayEquals(Arrays.copyOfRange(DATA, 10, 20), r.body());
    }

    @Test
    void proxyPathsAreUnwrapped() throws Exception {
        HttpResponse<byte[]> r = get("/proxy/localhost/GET/disco/localhost/ab/Job@1:2:3/out/part-0", "bytes=18-");
        assertEquals(206, r.statusCode());
        assertArrayEquals("ij".getBytes(StandardCharsets.US_ASCII), r.body());
    }

    @Test
    void missingFileIs404() throws Exception {
        assertEquals(404, get("/disco/localhost/nothing", null).statusCode());
    }

    @Test
    void dotDotCannotLeaveTheDataDirectory() throws Exception {
        Files.writeString(master.dataRoot().resolve("secret"), "s");
        try (Socket s = new Socket("127.0.0.1", master.port())) {
            s.getOutputStream().write(("GET /disco/../secret HTTP/1.1\r\nHost: 127.0.0.1:" + master.port()
                    + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).split("\r\n")[0];
            assertEquals("HTTP/1.1 404 Not Found", status);
        }
        assertEquals(404, get("/disco/localhost/%2e%2e/%2e%2e/%2e%2e/secret", null).statusCode());
    }
}
