package io.jdisco.local.testing;

import java.time.Duration;

/** Waits for a condition, polling, with a bound: what a test does instead of sleeping and hoping. */
public final class Await {
    private Await() {
    }

    /** A condition a test waits for; it may ask the master or read a file, so it may throw. */
    @FunctionalInterface
    public interface Condition {
        /** True once the awaited state is reached. */
        boolean holds() throws Exception;
    }

    /**
     * Returns as soon as {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} when it does not hold within {@code within}
     * @throws Exception what {@code condition} throws
     */
    public static void until(Condition condition, Duration within, String what) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** True when {@code pid} names no live process. */
    public static boolean gone(long pid) {
        return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The number on the first line of a file once that line is written whole (digits, then a
     * newline), or -1 while it is not.
     */
    public static long numberIn(java.nio.file.Path file) {
        try {
            String text = java.nio.file.Files.readString(file);
            int end = text.indexOf('\n');
            String first = end < 0 ? "" : text.substring(0, end).trim();
            return first.matches("\\d+") ? Long.parseLong(first) : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
