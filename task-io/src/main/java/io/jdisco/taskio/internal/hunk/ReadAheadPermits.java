package io.jdisco.taskio.internal.hunk;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many readers may read ahead on a thread of their own right now. {@link #JVM}, the one the
 * readers use, has one permit fewer than the available processors, so that read-ahead takes
 * cores that would otherwise wait, and the readers of a task with many inputs open at once do
 * not each start a thread.
 */
final class ReadAheadPermits {
    /** The permits of this JVM's readers. */
    static final ReadAheadPermits JVM = new ReadAheadPermits(Runtime.getRuntime().availableProcessors() - 1);

    private final AtomicInteger free;

    /** {@code permits} permits (none when zero or less). */
    ReadAheadPermits(int permits) {
        this.free = new AtomicInteger(Math.max(0, permits));
    }

    /** Takes a permit if one is free; a caller that got one must {@link #release()} it once. */
    boolean tryAcquire() {
        while (true) {
            int n = free.get();
            if (n == 0) {
                return false;
            }
            if (free.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    /** Gives a permit back. */
    void release() {
        free.incrementAndGet();
    }

    /** The permits free now. */
    int free() {
        return free.get();
    }
}
