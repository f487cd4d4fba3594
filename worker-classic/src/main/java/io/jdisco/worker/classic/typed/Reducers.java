package io.jdisco.worker.classic.typed;

import io.jdisco.worker.fn.Reducer;

/** Ready {@link Reducer}s. */
public final class Reducers {
    private Reducers() {
    }

    /**
     * The sum of each key's {@code Long} values. Given to {@link MapReduceJob.Mapped#reduce(Reducer)},
     * the job runs the classic worker's built-in {@code sum_reduce} instead: no sort, one unboxed
     * sum per distinct key, results in no particular key order. Anywhere else it is an ordinary
     * reducer.
     *
     * @param <K> the key type
     */
    @SuppressWarnings("unchecked")
    public static <K> Reducer<K, Long, K, Long> sumLongs() {
        return (Reducer<K, Long, K, Long>) (Reducer<?, Long, ?, Long>) SumLongs.INSTANCE;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private enum SumLongs implements Reducer {
        INSTANCE;

        @Override
        public void reduce(Object key, Iterable values, io.jdisco.worker.fn.Collector out,
                io.jdisco.worker.fn.JobContext context) throws java.io.IOException {
            long sum = 0;
            for (Object v : values) {
                sum = Math.addExact(sum, (Long) v);
            }
            out.collect(key, sum);
        }

        @Override
        public String toString() {
            return "Reducers.sumLongs()";
        }
    }
}
