package io.jdisco.local.internal.session;

import java.util.ArrayDeque;

/**
 * The master's {@code MSG} throttle ({@code worker_throttle.erl}, SPEC §2.6), exactly:
 *
 * <pre>
 *   on MSG at time t:  push t; if t - oldest &gt; 1 s: pop exactly one (the oldest)
 *                      N := queue length
 *                      N &gt;= 10: fatal  "Worker is behaving badly: Sent N events in a second, ignoring replies."
 *                      N &gt; 5:   reply OK after 200 ms
 *                      else:    reply OK at once
 * </pre>
 *
 * One per worker session; not thread-safe.
 */
public final class MsgRateLimiter {
    /** The delay of a throttled reply, in milliseconds. */
    public static final long DELAY_MILLIS = 200;

    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

    /**
     * Records a {@code MSG} that arrived at {@code nanos} (a {@link System#nanoTime()} value) and
     * says how to answer it: a negative value is the fatal verdict, else the reply delay in
     * milliseconds.
     */
    public long onMessage(long nanos) {
        arrivals.addLast(nanos);
        if (nanos - arrivals.peekFirst() > 1_000_000_000L) {
            arrivals.removeFirst();
        }
        int n = arrivals.size();
        if (n >= 10) {
            return -n;
        }
        return n > 5 ? DELAY_MILLIS : 0;
    }

    /** The fatal error text for the verdict {@code v} of {@link #onMessage}. */
    public static String fatalText(long verdict) {
        return "Worker is behaving badly: Sent " + (-verdict) + " events in a second, ignoring replies.";
    }
}
