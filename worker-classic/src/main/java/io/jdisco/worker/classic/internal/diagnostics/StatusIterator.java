package io.jdisco.worker.classic.internal.diagnostics;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Counts the entries a task's loop takes (the seed's {@code status_iter}, SPEC §5.12): every
 * {@code interval} entries it says {@code "<n> entries mapped"} (or {@code reduced}), but at most
 * once a second; when the entries run out, {@code "Done: <n> entries mapped"}. An interval of 0
 * silences the periodic line, not the final one.
 *
 * <p>Why once a second: the worker keeps its {@code MSG}s under the master's limit (SPEC §2.6) by
 * holding them back, and waits for the held-back ones before {@code OUTPUT} and {@code DONE}. A
 * Java loop takes Disco's default 100 000 entries in a few hundredths of a second, so a count per
 * interval made a 1 M-record map task wait a second for its own progress lines (the 100 MB sort's
 * map and reduces each waited 0.5-1 s). A count skipped is superseded by the next line.
 *
 * @param <T> the entry type
 */
public final class StatusIterator<T> implements Iterator<T> {
    private final Iterator<T> in;
    private final long interval;
    private final String verb;
    private final Consumer<String> status;
    /** The least time between two periodic lines. */
    static final long MIN_GAP_NANOS = 1_000_000_000L;

    private final LongSupplier clock;
    private long count;
    private long lastLine;
    private boolean doneSaid;

    /** Counts {@code in}; {@code verb} is {@code "mapped"} or {@code "reduced"}. */
    public StatusIterator(Iterator<T> in, long interval, String verb, Consumer<String> status) {
        this(in, interval, verb, status, System::nanoTime);
    }

    /** The same, timed by {@code clock} (nanoseconds, as {@link System#nanoTime()}). */
    StatusIterator(Iterator<T> in, long interval, String verb, Consumer<String> status, LongSupplier clock) {
        this.in = Objects.requireNonNull(in, "in");
        this.interval = interval;
        this.verb = Objects.requireNonNull(verb, "verb");
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastLine = clock.getAsLong();
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
            long now = clock.getAsLong();
            if (now - lastLine >= MIN_GAP_NANOS) {
                lastLine = now;
                status.accept(count + " entries " + verb);
            }
        }
        return t;
    }

    /** The entries taken so far. */
    public long count() {
        return count;
    }
}
