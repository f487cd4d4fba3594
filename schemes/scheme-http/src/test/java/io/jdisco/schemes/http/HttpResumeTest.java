package io.jdisco.schemes.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Bodies cut, stalled or changed mid-way: resumed with Range requests, or a DataException. */
class HttpResumeTest extends HttpTestBase {
    @Test
    void connectionCutMidBodyIsResumedWithARangeRequest() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> TestServer.serve(ex, DATA, true, n == 0 ? 20_000 : -1))) {
            assertArrayEquals(DATA, read(s.url("/blob")));
            assertEquals(2, s.requests());
            assertEquals("null", s.ranges.get(0));
            assertTrue(s.ranges.get(1).matches("bytes=\\d+-"), s.ranges.get(1));
            long from = Long.parseLong(s.ranges.get(1).replaceAll("\\D", ""));
            assertTrue(from > 0 && from <= 20_000, "resumed from " + from);
        }
    }

    @Test
    void chunkedBodyCutMidWayIsResumedAndLearnsItsLength() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> {
            if (n == 0) {
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().write(DATA, 0, 20_000);
                ex.getResponseBody().flush();
                throw new IOException("connection cut on purpose mid-chunked body");
            }
            TestServer.serve(ex, DATA, true, -1);
        })) {
            assertArrayEquals(DATA, read(s.url("/chunked")));
            assertEquals("bytes=20000-", s.ranges.get(1));
        }
    }

    @Test
    void chunkedBodyCutAfterItsLastByteEndsCleanlyOnA416() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> {
            if (n == 0) {
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().write(DATA);
                ex.getResponseBody().flush();
                throw new IOException("connection cut on purpose before the last chunk");
            }
            TestServer.serve(ex, DATA, true, -1);
        })) {
            assertArrayEquals(DATA, read(s.url("/chunked")));
            assertEquals("bytes=" + DATA.length + "-", s.ranges.get(1));
        }
    }

    @Test
    void serverIgnoringRangeIsReadFromTheStartAndTheReadBytesSkipped() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> TestServer.serve(ex, DATA, false, n == 0 ? 30_000 : -1))) {
            assertArrayEquals(DATA, read(s.url("/blob")));
            assertEquals(2, s.requests());
        }
    }

    @Test
    void stalledBodyTimesOutAndIsResumed() throws IOException {
        CountDownLatch readerDone = new CountDownLatch(1);
        try (TestServer s = new TestServer((n, ex, srv) -> {
            if (n == 0) {
                ex.sendResponseHeaders(200, DATA.length);
                ex.getResponseBody().write(DATA, 0, 1000);
                ex.getResponseBody().flush();
                // stalls until the reader, timed out and resumed, is done (bounded: a reader that
                // never times out fails on the assertion below, not by hanging)
                awaitQuietly(readerDone, Duration.ofSeconds(10));
                return;
            }
            TestServer.serve(ex, DATA, true, -1);
        })) {
            try {
                assertArrayEquals(DATA, read(s.url("/slow"), Map.of(HttpSettings.READ_TIMEOUT, "300")));
                assertEquals("bytes=1000-", s.ranges.get(1));
            } finally {
                readerDone.countDown();
            }
        }
    }

    @Test
    void resumeAnsweredFromTheWrongOffsetIsADataException() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> {
            if (n == 0) {
                TestServer.serve(ex, DATA, true, 10_000);
                return;
            }
            ex.getResponseHeaders().set("Content-Range", "bytes 0-" + (DATA.length - 1) + "/" + DATA.length);
            ex.sendResponseHeaders(206, DATA.length);
            ex.getResponseBody().write(DATA);
        })) {
            DataException e = assertThrows(DataException.class, () -> read(s.url("/blob")));
            assertEquals(s.url("/blob"), e.url());
            assertTrue(e.getMessage().contains("Content-Range bytes 0-"), e.getMessage());
        }
    }

    @Test
    void resourceChangingLengthBetweenResumesIsADataException() throws IOException {
        byte[] longer = data(60_000);
        try (TestServer s = new TestServer((n, ex, srv) ->
                TestServer.serve(ex, n == 0 ? DATA : longer, true, n == 0 ? 10_000 : -1))) {
            DataException e = assertThrows(DataException.class, () -> read(s.url("/blob")));
            assertTrue(e.getMessage().contains("changed"), e.getMessage());
        }
    }

    @Test
    void serverThatAlwaysClosesMidBodyIsADataExceptionNamingUrlAndOffset() throws IOException {
        try (TestServer s = new TestServer((n, ex, srv) -> TestServer.serve(ex, DATA, false, 5_000))) {
            DataException e = assertThrows(DataException.class, () -> read(s.url("/cut")));
            assertEquals(s.url("/cut"), e.url());
            assertTrue(e.getMessage().contains("of " + DATA.length), e.getMessage());
            assertEquals(1 + 3, s.requests());
        }
    }
}
