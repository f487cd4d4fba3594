package io.jdisco.worker.classic;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.internal.combine.KeySums;
import io.jdisco.worker.fn.CombinerFunction;
import io.jdisco.worker.fn.MapFunction;
import io.jdisco.worker.fn.ReduceFunction;
import io.jdisco.worker.fn.ReturningReduceFunction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready job functions of the classic worker (SPEC §5.13): {@code sum_combiner}, {@code nop_map},
 * {@code nop_reduce}, {@code sum_reduce}. Sums add {@code Long}/{@code Integer}/{@code Short}/
 * {@code Byte} as {@code Long} (exactly, widening to {@code BigInteger} on overflow),
 * {@code BigInteger} and {@code Double}.
 */
public final class ClassicFunctions {
    private ClassicFunctions() {
    }

    /**
     * {@code sum_combiner}: sums values per key in the partition's buffer and writes the sums when
     * the map is done. The buffer holds one entry per distinct key of the partition.
     */
    public static CombinerFunction sumCombiner() {
        return SumCombiner.INSTANCE;
    }

    /** {@code nop_map}: each entry, which must be a pair, unchanged. */
    public static MapFunction<Object> nopMap() {
        return (entry, params) -> List.of(io.jdisco.worker.classic.internal.function.Pairs.check(entry, "nop_map's input"));
    }

    /** {@code nop_reduce}: every pair written unchanged. */
    public static ReduceFunction nopReduce() {
        return (entries, out, params) -> {
            for (Tuple t : entries) {
                out.emit(t.key(), t.value());
            }
        };
    }

    /**
     * {@code sum_reduce}: the sum of the values of each key (from 0, as Python's
     * {@code sum_reduce} does, so every value must be a number). Keys come out in first-seen
     * order, {@code Bytes} keys after keys of other types. The sums are kept unboxed, with the
     * keys' bytes packed together, so that a reduce over millions of pairs stays fast and small.
     */
    public static ReturningReduceFunction sumReduce() {
        return (entries, params) -> {
            KeySums sums = new KeySums();
            for (Tuple t : entries) {
                sums.add(t.key(), t.value(), key -> -1);
            }
            return sums.pairs();
        };
    }

    /**
     * {@code a + b} for the number types records carry.
     *
     * @throws IllegalArgumentException when either is not a number
     */
    public static Object add(Object a, Object b) {
        if (!(a instanceof Number) || !(b instanceof Number)) {
            throw new IllegalArgumentException("cannot sum " + a + " and " + b + ": values must be numbers");
        }
        if (a instanceof Double || b instanceof Double || a instanceof Float || b instanceof Float) {
            return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return big(a).add(big(b));
        }
        long x = ((Number) a).longValue();
        long y = ((Number) b).longValue();
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
            return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
        }
        return r;
    }

    private static BigInteger big(Object n) {
        return n instanceof BigInteger ? (BigInteger) n : BigInteger.valueOf(((Number) n).longValue());
    }

    private enum SumCombiner implements CombinerFunction {
        INSTANCE;

        @Override
        public Iterable<Tuple> combine(Object key, Object value, Map<Object, Object> buffer, boolean done,
                Params params) {
            if (!done) {
                // Python's buf[key] = buf.get(key, 0) + value: a lone value is a sum from 0 too.
                buffer.merge(key, add(0L, value), ClassicFunctions::add);
                return null;
            }
            List<Tuple> out = new ArrayList<>(buffer.size());
            buffer.forEach((k, v) -> out.add(Tuple.pair(k, v)));
            buffer.clear();
            return out;
        }

        @Override
        public String toString() {
            return "ClassicFunctions.sumCombiner()";
        }
    }
}
