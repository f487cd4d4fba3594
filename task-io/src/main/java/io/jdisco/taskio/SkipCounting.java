package io.jdisco.taskio;

/**
 * A reader that can be told to skip corrupt parts of its input instead of failing (the
 * {@code ignoreCorrupt} option of {@link TaskIo#discoInputStream(boolean)}). Skipping loses
 * records, so the count is there to be checked or reported.
 */
public interface SkipCounting {
    /** The number of corrupt hunks (or other units) skipped so far. */
    long skipped();
}
