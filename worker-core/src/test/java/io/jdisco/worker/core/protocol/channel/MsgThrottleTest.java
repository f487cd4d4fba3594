package io.jdisco.worker.core.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

/** The worker's throttle keeps the master's throttle (SPEC §2.6) from ever delaying or killing. */
class MsgThrottleTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void fiveMessagesGoAtOnceAndTheSixthWaitsForTheWindow() {
        MsgThrottle t = new MsgThrottle(1_100_000_000L, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, t.waitNanos(0));
            t.record(0);
        }
        assertEquals(1_100_000_000L, t.waitNanos(0));
        assertEquals(100_000_000L, t.waitNanos(SECOND));
    }

    @Test
    void masterNeverSeesMoreThanFiveQueuedWhenWorkerObeysTheThrottle() {
        MsgThrottle worker = new MsgThrottle(1_100_000_000L, 5);
        ArrayDeque<Long> master = new ArrayDeque<>();
        long now = 0;
        for (int i = 0; i < 200; i++) {
            now += worker.waitNanos(now) + (i % 7) * 1_000_000L;
            worker.record(now);
            // worker_throttle.erl: push, pop one entry older than 1 s, count
            master.addLast(now);
            if (now - master.peekFirst() > SECOND) {
                master.removeFirst();
            }
            assertEquals(true, master.size() <= 5, "master queue " + master.size() + " at message " + i);
        }
    }
}
