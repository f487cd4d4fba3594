package io.jdisco.taskio.internal.hunk;

import java.time.Duration;

/**
 * The read-ahead threads of one input ({@code "jdisco-read-ahead <url>"}, named by
 * {@link ReadAheadHunks}), for tests that check a reader stops its thread: a thread ends a little
 * after its reader closes, so the check waits for it, polling, with a bound.
 */
public final class ReadAheadThreads {
    private ReadAheadThreads() {
    }

    /** The live read-ahead threads of {@code url}. */
    public static long count(String url) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("jdisco-read-ahead " + url) && t.isAlive()).count();
    }

    /**
     * Returns as soon as {@code url} has no live read-ahead thread.
     *
     * @throws AssertionError when one is still alive after {@code within}
     */
    public static void awaitNone(String url, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (count(url) > 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("a read-ahead thread of " + url + " is still alive after "
                        + within.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
    }
}
