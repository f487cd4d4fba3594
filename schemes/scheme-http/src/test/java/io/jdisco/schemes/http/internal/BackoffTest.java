package io.jdisco.schemes.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void retryNSleepsBetweenOneAndTwoToTheNUnits() {
        Backoff b = new Backoff(10, 1_000_000);
        for (int n = 0; n < 8; n++) {
            for (int i = 0; i < 200; i++) {
                long d = b.delayMillis(n);
                assertTrue(d >= 10 && d <= 10L << n, "retry " + n + " slept " + d);
            }
        }
    }

    @Test
    void sleepsAreCapped() {
        Backoff b = new Backoff(1000, 1500);
        for (int i = 0; i < 100; i++) {
            assertTrue(b.delayMillis(20) <= 1500);
        }
        assertEquals(1000, b.delayMillis(0));
    }
}
