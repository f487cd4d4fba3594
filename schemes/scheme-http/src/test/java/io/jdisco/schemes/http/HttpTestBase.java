package io.jdisco.schemes.http;

import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the HTTP tests share: fast settings, a registry with the http scheme, test data. */
abstract class HttpTestBase {
    static final byte[] DATA = data(50_000);

    final Schemes schemes = Schemes.of(new HttpSchemeProvider());

    static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    /** Fast settings: 1 ms back-off unit, 3 retries, no system properties or environment. */
    BasicSchemeContext context(Map<String, String> extra) {
        return BasicSchemeContext.builder(schemes).systemProperties(false).environment(Map.of())
                .setting(HttpSettings.BACKOFF_BASE, "1").setting(HttpSettings.MAX_RETRIES, "3")
                .setting(HttpSettings.CONNECT_TIMEOUT, "2000").setting(HttpSettings.READ_TIMEOUT, "5000")
                .settings(extra).build();
    }

    byte[] read(String url) throws IOException {
        return read(url, Map.of());
    }

    byte[] read(String url, Map<String, String> settings) throws IOException {
        try (InputStream in = schemes.open(url, context(settings)).stream()) {
            return in.readAllBytes();
        }
    }

    /**
     * Waits, in a server's handler, until {@code released} is counted down or {@code within}
     * passes, whichever is first: a stall the test ends as soon as it has seen what it wanted.
     */
    static void awaitQuietly(CountDownLatch released, Duration within) {
        try {
            released.await(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
