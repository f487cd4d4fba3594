package io.jdisco.worker.core.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.MasterUnreachableException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every request has a timeout; a long poll's is a little longer than its hold. */
class HttpTransportTest {
    @Test
    void longPollTimesOutAMarginAfterItsHoldOtherRequestsAfterTheRequestTimeout() {
        HttpTransport t = new HttpTransport(URI.create("http://127.0.0.1:1"), HttpClient.newHttpClient(),
                Duration.ofMinutes(2));
        assertEquals(Duration.ofMinutes(2), t.timeout(Duration.ZERO));
        assertEquals(Duration.ofSeconds(16).plus(HttpTransport.LONG_POLL_MARGIN), t.timeout(Duration.ofSeconds(16)));
        assertTrue(Duration.ofSeconds(16).plus(HttpTransport.LONG_POLL_MARGIN).compareTo(Duration.ofSeconds(30)) <= 0,
                "the longest default poll times out within 30 s");
    }

    @Test
    void waitGivesUpOnAMasterThatAcceptsButNeverAnswers() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept()); // read nothing, answer nothing
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Disco disco = new Disco("http://127.0.0.1:" + server.getLocalPort());
            long start = System.nanoTime();
            MasterUnreachableException e = assertThrows(MasterUnreachableException.class,
                    () -> new JobWaiter(disco, Duration.ofMillis(500)).await("J@1:2:3", Duration.ofMillis(10), null));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(e.getMessage().startsWith("the master at http://127.0.0.1:" + server.getLocalPort()
                    + " is unreachable: no answer for "), e.getMessage());
            assertTrue(e.getMessage().contains("HttpTimeoutException"), e.getMessage());
            assertTrue(seconds < 20, "a hung master noticed after the poll's timeout, not minutes: " + seconds + " s");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
