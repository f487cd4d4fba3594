package io.jdisco.worker.classic.internal.function;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.fn.Emitter;
import io.jdisco.worker.fn.EmittingMapFunction;
import io.jdisco.worker.fn.JobContext;
import io.jdisco.worker.fn.MapFunction;
import io.jdisco.worker.fn.ReduceFunction;
import io.jdisco.worker.fn.ReturningReduceFunction;
import java.io.IOException;

/** Adapts the forms a job's map and reduce may take to the one each task calls. */
public final class FunctionCalls {
    private FunctionCalls() {
    }

    /**
     * The map parameter {@code f} ({@link MapFunction}, {@link EmittingMapFunction}, or a typed
     * {@link ContextualFunctions.Map}, bound to {@code context}) as a call, or {@code fallback}
     * when it is {@code null}.
     *
     * @throws IllegalArgumentException when {@code f} is of another type
     */
    @SuppressWarnings("unchecked")
    public static MapCall map(Object f, Params params, MapCall fallback, JobContext context) {
        if (f instanceof ContextualFunctions.Map contextual) {
            return contextual.bind(java.util.Objects.requireNonNull(context, "context"));
        }
        if (f instanceof EmittingMapFunction) {
            EmittingMapFunction<Object> m = (EmittingMapFunction<Object>) f;
            return (entry, out) -> m.map(entry, out, params);
        }
        if (f instanceof MapFunction) {
            MapFunction<Object> m = (MapFunction<Object>) f;
            return (entry, out) -> emitAll(m.map(entry, params), out, "the map");
        }
        if (f != null) {
            throw new IllegalArgumentException("parameter 'map' must be a MapFunction, an EmittingMapFunction or a "
                    + "typed Mapper (MapReduceJob), got "
                    + f.getClass().getName());
        }
        return fallback;
    }

    /**
     * The reduce parameter {@code f} ({@link ReduceFunction}, {@link ReturningReduceFunction}, or a
     * typed {@link ContextualFunctions.Reduce}, bound to {@code context}) as a call, or
     * {@code fallback} when it is {@code null}.
     *
     * @throws IllegalArgumentException when {@code f} is of another type
     */
    public static ReduceCall reduce(Object f, Params params, ReduceCall fallback, JobContext context) {
        if (f instanceof ContextualFunctions.Reduce contextual) {
            return contextual.bind(java.util.Objects.requireNonNull(context, "context"));
        }
        if (f instanceof ReduceFunction) {
            return (entries, out) -> ((ReduceFunction) f).reduce(entries, out, params);
        }
        if (f instanceof ReturningReduceFunction) {
            return (entries, out) -> emitAll(((ReturningReduceFunction) f).reduce(entries, params), out, "the reduce");
        }
        if (f != null) {
            throw new IllegalArgumentException("parameter 'reduce' must be a ReduceFunction or a "
                    + "ReturningReduceFunction, got " + f.getClass().getName());
        }
        return fallback;
    }

    /**
     * Emits every pair of {@code pairs}.
     *
     * @throws IllegalStateException when {@code pairs} is {@code null} (Disco's {@code TypeError})
     * @throws IllegalArgumentException when an element is not a pair
     */
    public static void emitAll(Iterable<Tuple> pairs, Emitter out, String who) throws IOException {
        if (pairs == null) {
            throw new IllegalStateException(who + " returned null; return an empty list for no pairs");
        }
        for (Tuple t : pairs) {
            Pairs.check(t, who);
            out.emit(t.key(), t.value());
        }
    }
}
