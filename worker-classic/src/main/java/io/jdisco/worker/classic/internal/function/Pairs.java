package io.jdisco.worker.classic.internal.function;

import io.jdisco.worker.Tuple;
import java.util.Iterator;

/** Turns records into the {@code (key, value)} pairs the classic functions take. */
public final class Pairs {
    private Pairs() {
    }

    /**
     * {@code record} as a pair: a two-element {@link Tuple} as it is; anything else (a line read
     * with {@code reduce_reader = null}, say) as {@code (record, null)}.
     */
    public static Tuple of(Object record) {
        if (record instanceof Tuple && ((Tuple) record).isPair()) {
            return (Tuple) record;
        }
        return Tuple.pair(record, null);
    }

    /** {@link #of} applied to each record of {@code records}, lazily. */
    public static Iterator<Tuple> of(Iterator<?> records) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Tuple next() {
                return of(records.next());
            }
        };
    }

    /**
     * Checks a pair a job function produced.
     *
     * @throws IllegalArgumentException naming {@code who} when {@code t} is not a pair
     */
    public static Tuple check(Object t, String who) {
        if (!(t instanceof Tuple) || !((Tuple) t).isPair()) {
            throw new IllegalArgumentException(who + " must produce (key, value) pairs (Tuple.pair(k, v)), got "
                    + (t == null ? "null" : t.getClass().getName() + " " + t));
        }
        return (Tuple) t;
    }
}
