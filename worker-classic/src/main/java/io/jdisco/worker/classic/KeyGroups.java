package io.jdisco.worker.classic;

import io.jdisco.worker.Tuple;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Groups runs of equal keys: the seed's {@code kvgroup(iter)} (SPEC §5.13). It does not sort —
 * use it on sorted reduce input ({@code sort(true)}) to see each key once.
 *
 * <pre>{@code
 * for (KeyGroups.Group g : KeyGroups.of(entries)) {
 *     long sum = 0;
 *     for (Object v : g.values()) sum += (Long) v;
 *     out.emit(g.key(), sum);
 * }
 * }</pre>
 *
 * Single-pass, like its input: each group's values must be consumed (or skipped) before the next
 * group is taken; taking the next group skips what is left of the current one.
 */
public final class KeyGroups implements Iterable<KeyGroups.Group> {
    private final Iterator<Tuple> pairs;
    private boolean iterated;
    private Tuple pending;
    private Group current;

    private KeyGroups(Iterator<Tuple> pairs) {
        this.pairs = pairs;
    }

    /** Groups the pairs of {@code pairs} (consumed once). */
    public static KeyGroups of(Iterable<Tuple> pairs) {
        Objects.requireNonNull(pairs, "pairs");
        return new KeyGroups(pairs.iterator());
    }

    /** Groups the pairs of {@code pairs}. */
    public static KeyGroups of(Iterator<Tuple> pairs) {
        return new KeyGroups(Objects.requireNonNull(pairs, "pairs"));
    }

    /**
     * The groups, in input order.
     *
     * @throws IllegalStateException on a second call: the input can be read once
     */
    @Override
    public Iterator<Group> iterator() {
        if (iterated) {
            throw new IllegalStateException("KeyGroups can be iterated once: its input is single-pass");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (current != null) {
                    current.drain();
                    current = null;
                }
                if (pending == null && pairs.hasNext()) {
                    pending = pairs.next();
                }
                return pending != null;
            }

            @Override
            public Group next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                current = new Group(pending.key());
                return current;
            }
        };
    }

    /** One key and the values of its run of pairs. */
    public final class Group {
        private final Object key;
        private boolean valuesTaken;

        private Group(Object key) {
            this.key = key;
        }

        /** The key shared by the run. */
        public Object key() {
            return key;
        }

        /** The values of the run, in input order (single-pass). */
        public Iterable<Object> values() {
            if (valuesTaken) {
                throw new IllegalStateException("the values of key " + key + " can be iterated once");
            }
            valuesTaken = true;
            return () -> new Iterator<>() {
                @Override
                public boolean hasNext() {
                    if (current != Group.this) {
                        return false;
                    }
                    if (pending == null && pairs.hasNext()) {
                        pending = pairs.next();
                    }
                    return pending != null && Objects.equals(pending.key(), key);
                }

                @Override
                public Object next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Object v = pending.value();
                    pending = null;
                    return v;
                }
            };
        }

        private void drain() {
            while (true) {
                if (pending == null && pairs.hasNext()) {
                    pending = pairs.next();
                }
                if (pending == null || !Objects.equals(pending.key(), key)) {
                    return;
                }
                pending = null;
            }
        }

        @Override
        public String toString() {
            return "Group[" + key + "]";
        }
    }
}
