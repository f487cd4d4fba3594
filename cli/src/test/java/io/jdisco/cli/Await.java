package io.jdisco.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling, with a bound: what a test does instead of sleeping and hoping. */
public final class Await {
    private Await() {
    }

    /**
     * Returns as soon as {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} when it does not hold within {@code within}
     */
    public static void until(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The text of {@code file}, or "" while it does not exist or cannot be read. */
    public static String textOf(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The number on the first line of {@code file} once that line is written whole (digits, then a
     * newline), or -1 while it is not: a file another process is still writing is not read half.
     */
    public static long numberIn(Path file) {
        String text = textOf(file);
        int end = text.indexOf('\n');
        String first = end < 0 ? "" : text.substring(0, end).trim();
        return first.matches("\\d+") ? Long.parseLong(first) : -1;
    }
}
