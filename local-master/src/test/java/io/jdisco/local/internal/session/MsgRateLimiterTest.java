package io.jdisco.local.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MsgRateLimiterTest {
    private static final long MS = 1_000_000L;

    @Test
    void fiveImmediateRepliesThenDelaysThenTheTenthIsFatal() {
        MsgRateLimiter l = new MsgRateLimiter();
        for (int i = 0; i < 5; i++) {
            assertEquals(0, l.onMessage(i * MS));
        }
        for (int i = 5; i < 9; i++) {
            assertEquals(200, l.onMessage(i * MS));
        }
        long verdict = l.onMessage(9 * MS);
        assertEquals(-10, verdict);
        assertEquals("Worker is behaving badly: Sent 10 events in a second, ignoring replies.",
                MsgRateLimiter.fatalText(verdict));
    }

    @Test
    void aMessageMoreThanASecondAfterTheOldestPopsExactlyOne() {
        MsgRateLimiter l = new MsgRateLimiter();
        for (int i = 0; i < 5; i++) {
            l.onMessage(i * MS);
        }
        assertEquals(0, l.onMessage(1500 * MS), "one popped: 5 left, not 6");
    }

    @Test
    void fourMessagesASecondAreNeverDelayed() {
        MsgRateLimiter l = new MsgRateLimiter();
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, l.onMessage(i * 250 * MS));
        }
    }

    @Test
    void fiveMessagesASecondAreDelayedButNeverFatal() {
        MsgRateLimiter l = new MsgRateLimiter();
        for (int i = 0; i < 1000; i++) {
            long v = l.onMessage(i * 200 * MS);
            assertEquals(i < 5 ? 0 : 200, v, "message " + i);
        }
    }
}
