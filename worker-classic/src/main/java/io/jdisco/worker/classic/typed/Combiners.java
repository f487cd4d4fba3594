package io.jdisco.worker.classic.typed;

import io.jdisco.worker.fn.ValueCombiner;

/** Ready {@link ValueCombiner}s. */
public final class Combiners {
    private Combiners() {
    }

    /**
     * Sums {@code Long} values. A job given this combiner runs the classic worker's built-in
     * {@code sum_combiner}: the map keeps one unboxed sum per distinct key and writes the sums when
     * it is done, the fastest way to count.
     */
    public static ValueCombiner<Long> sumLongs() {
        return SumLongs.INSTANCE;
    }

    private enum SumLongs implements ValueCombiner<Long> {
        INSTANCE;

        @Override
        public Long combine(Long a, Long b) {
            return Math.addExact(a, b);
        }

        @Override
        public String toString() {
            return "Combiners.sumLongs()";
        }
    }
}
