package io.jdisco.worker.core.protocol.channel;

import java.util.ArrayDeque;

/**
 * Spaces {@code MSG}s so that no rolling window holds more than {@code limit} of them.
 *
 * <p>The master ({@code worker_throttle.erl}, SPEC §2.6) keeps the arrival times of MSGs in a FIFO,
 * pops at most one entry older than 1 s per MSG, delays the reply when more than 5 remain and kills
 * the job at 10. Its FIFO always holds our latest MSGs; if the 6th latest is more than a second old
 * when a new one arrives, that one is popped and 5 remain: no delay, never a kill. So keeping at most
 * 5 MSGs in any window slightly longer than a second is enough. Not thread-safe; the caller locks.
 */
final class MsgThrottle {
    private final long windowNanos;
    private final int limit;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    MsgThrottle(long windowNanos, int limit) {
        this.windowNanos = windowNanos;
        this.limit = limit;
    }

    /** How long to wait from {@code now} before the next MSG may go; 0 when it may go now. */
    long waitNanos(long now) {
        if (sent.size() < limit) {
            return 0;
        }
        long oldest = sent.peekFirst();
        return Math.max(0, oldest + windowNanos - now);
    }

    /** Records that a MSG went at {@code now}. */
    void record(long now) {
        sent.addLast(now);
        while (sent.size() > limit) {
            sent.removeFirst();
        }
    }
}
