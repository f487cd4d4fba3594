package io.jdisco.worker.classic.internal.stage;

import java.util.Iterator;
import java.util.Objects;

/**
 * An {@link Iterable} over one iterator: reduce inputs are streamed once, so a second
 * {@link #iterator()} fails loudly instead of silently yielding nothing (DESIGN.md §4).
 *
 * @param <T> the entry type
 */
public final class SinglePass<T> implements Iterable<T> {
    private final Iterator<T> it;
    private final String what;
    private boolean taken;

    /** A view of {@code it}; {@code what} names it in the error. */
    public SinglePass(Iterator<T> it, String what) {
        this.it = Objects.requireNonNull(it, "it");
        this.what = Objects.requireNonNull(what, "what");
    }

    /**
     * The iterator, once.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    public synchronized Iterator<T> iterator() {
        if (taken) {
            throw new IllegalStateException(what + " is single-pass: it streams the task's input once and was "
                    + "already iterated; copy the entries into a list (or use KeyGroups) to look at them twice");
        }
        taken = true;
        return it;
    }
}
