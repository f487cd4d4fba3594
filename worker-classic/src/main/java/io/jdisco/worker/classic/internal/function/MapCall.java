package io.jdisco.worker.classic.internal.function;

import io.jdisco.worker.fn.Emitter;
import java.io.IOException;
import java.util.Objects;

/** The job's map, whichever form it was given in, emitting its pairs. */
@FunctionalInterface
public interface MapCall {
    /** Maps one entry. */
    void map(Object entry, Emitter out) throws IOException;

    /**
     * This map with every entry's pairs emitted to {@code out}: how a task calls it, its one
     * emitter known before the first entry. A map that wraps the emitter (a typed map's
     * collector) wraps it here, once, rather than checking at each entry whether the emitter
     * changed: a reused worker's JIT had compiled that check as never true, and the first entry
     * of each next task threw the compiled map away.
     */
    default EntryMap into(Emitter out) {
        Objects.requireNonNull(out, "out");
        MapCall map = this;
        return new EntryMap() {
            @Override
            public void map(Object entry) throws IOException {
                map.map(entry, out);
            }
        };
    }

    /** A map whose pairs go to an emitter chosen before: {@link #into}. */
    @FunctionalInterface
    interface EntryMap {
        /** Maps one entry. */
        void map(Object entry) throws IOException;
    }
}
