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
    private final Consumer<String> status;
    /** The least time between two periodic lines. */
    static final long MIN_GAP_NANOS = 1_000_000_000L;
    /** The most entries between two {@link #check}s (see {@link #next}). */
    static final long CHECK_EVERY = 1024;

    private final LongSupplier clock;
    /** " entries mapped": made in the constructor (see {@link #next}). */
    private final String suffix;
    private long count;
    /** The count at which {@link #check} runs next: the next multiple of the interval, or sooner. */
    private long nextCheck;
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
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.suffix = " entries " + Objects.requireNonNull(verb, "verb");
        this.nextCheck = interval > 0 ? Math.min(interval, CHECK_EVERY) : Long.MAX_VALUE;
        this.lastLine = clock.getAsLong();
    }

    @Override
    public boolean hasNext() {
        boolean has = in.hasNext();
        if (!has) {
            sayDone();
        }
        return has;
    }

    private void sayDone() {
        if (!doneSaid) {
            doneSaid = true;
            status.accept("Done: " + count + suffix);
        }
    }

    /**
     * The next entry, counted. Why the check is shaped so: a worker's JIT compiles the task's
     * loop with this method inlined, after profiling some thousand entries, and a branch not
     * taken by then is compiled as a trap that throws the whole compiled loop away when it is
     * first taken: a check at the 100,000th entry did that, and the status line a second later
     * (its {@code StringBuilder} not yet resolved in this class) again, each sending the loop
     * back to the interpreter until it was compiled anew. So {@link #check} runs at least every
     * {@value #CHECK_EVERY} entries, often enough for the profile to see it taken, and does the
     * rare work out of line, in a method too big to be inlined from a call that cold; the suffix
     * is concatenated in the constructor.
     */
    @Override
    public T next() {
        T t = in.next();
        if (++count >= nextCheck) {
            check();
        }
        return t;
    }

    /** At least every {@value #CHECK_EVERY} entries: at a multiple of the interval, a line, at most once a second. */
    private void check() {
        long multiple = count - count % interval + interval;
        nextCheck = Math.min(multiple > count ? multiple : Long.MAX_VALUE, count + CHECK_EVERY);
        if (count % interval != 0) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastLine >= MIN_GAP_NANOS) {
            lastLine = now;
            status.accept(count + suffix);
        }
    }

    /** The entries taken so far. */
    public long count() {
        return count;
    }
}
