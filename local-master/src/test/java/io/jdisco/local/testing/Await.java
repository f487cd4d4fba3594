package io.jdisco.local.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Waits for a condition, polling every 10 ms, with a bound: what a test does instead of sleeping
 * and hoping. A test of a master, a worker process or a file another process writes waits for the
 * state it needs and fails with a message naming it when that state does not come.
 */
public final class Await {
    private Await() {
    }

    /** A condition a test waits for; it may ask a master or read a file, so it may throw. */
    @FunctionalInterface
    public interface Condition {
        /**
         * Whether the awaited state is reached.
         *
         * @return true once it is
         * @throws Exception when asking fails; the wait ends with it
         */
        boolean holds() throws Exception;
    }

    /**
     * Returns as soon as {@code condition} holds.
     *
     * @param condition what to wait for
     * @param within the bound
     * @param what the state waited for, for the failure message
     * @throws AssertionError naming {@code what} when it does not hold within {@code within}
     * @throws Exception what {@code condition} throws
     */
    public static void until(Condition condition, Duration within, String what) throws Exception {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(within, "within");
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Whether a process is gone.
     *
     * @param pid a process id
     * @return true when {@code pid} names no live process
     */
    public static boolean gone(long pid) {
        return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The text of a file that may not exist yet.
     *
     * @param file the file
     * @return its text, or "" while it does not exist or cannot be read
     */
    public static String textOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The number on the first line of a file once that line is written whole (digits, then a
     * newline): a file another process is still writing is never read half.
     *
     * @param file the file
     * @return the number, or -1 while the line is not whole
     */
    public static long numberIn(Path file) {
        String text = textOf(file);
        int end = text.indexOf('\n');
        String first = end < 0 ? "" : text.substring(0, end).trim();
        return first.matches("\\d+") ? Long.parseLong(first) : -1;
    }
}
