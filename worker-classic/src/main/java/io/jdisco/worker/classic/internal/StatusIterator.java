package io.jdisco.worker.classic.internal;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Counts the entries a task's loop takes (the seed's {@code status_iter}, SPEC §5.12): every
 * {@code interval} entries it says {@code "<n> entries mapped"} (or {@code reduced}); when the
 * entries run out, {@code "Done: <n> entries mapped"}. An interval of 0 silences the periodic
 * line, not the final one. The worker throttles the lines it sends.
 *
 * @param <T> the entry type
 */
public final class StatusIterator<T> implements Iterator<T> {
    private final Iterator<T> in;
    private final long interval;
    private final String verb;
    private final Consumer<String> status;
    private long count;
    private boolean doneSaid;

    /** Counts {@code in}; {@code verb} is {@code "mapped"} or {@code "reduced"}. */
    public StatusIterator(Iterator<T> in, long interval, String verb, Consumer<String> status) {
        this.in = Objects.requireNonNull(in, "in");
        this.interval = interval;
        this.verb = Objects.requireNonNull(verb, "verb");
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public boolean hasNext() {
        boolean has = in.hasNext();
        if (!has && !doneSaid) {
            doneSaid = true;
            status.accept("Done: " + count + " entries " + verb);
        }
        return has;
    }

    @Override
    public T next() {
        T t = in.next();
        count++;
        if (interval > 0 && count % interval == 0) {
            status.accept(count + " entries " + verb);
        }
        return t;
    }

    /** The entries taken so far. */
    public long count() {
        return count;
    }
}
