package io.jdisco.schemes.http.internal;

import java.io.InterruptedIOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential random back-off, as Disco's {@code comm.request}: before retry {@code n} (from 0)
 * sleep a random whole number of units between 1 and {@code 2^n}, capped.
 */
public final class Backoff {
    private final long unitMillis;
    private final long maxMillis;

    /** A back-off of {@code unitMillis} units, no sleep longer than {@code maxMillis}. */
    public Backoff(long unitMillis, long maxMillis) {
        if (unitMillis < 0 || maxMillis < 0) {
            throw new IllegalArgumentException("back-off must be >= 0, got " + unitMillis + " and " + maxMillis);
        }
        this.unitMillis = unitMillis;
        this.maxMillis = maxMillis;
    }

    /** The sleep before retry {@code n}: in {@code [unit, unit * 2^n]}, at most the cap. */
    public long delayMillis(int n) {
        long units = 1L << Math.min(Math.max(n, 0), 30);
        long pick = 1 + ThreadLocalRandom.current().nextLong(units);
        long millis = unitMillis > 0 && pick > Long.MAX_VALUE / unitMillis ? Long.MAX_VALUE : pick * unitMillis;
        return Math.min(millis, maxMillis);
    }

    /**
     * Sleeps before retry {@code n}.
     *
     * @throws InterruptedIOException when interrupted (the interrupt flag is kept)
     */
    public void sleep(int n) throws InterruptedIOException {
        long millis = delayMillis(n);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while backing off");
            io.initCause(e);
            throw io;
        }
    }
}
