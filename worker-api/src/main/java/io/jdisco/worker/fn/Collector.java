package io.jdisco.worker.fn;

import io.jdisco.worker.Bytes;
import java.io.IOException;
import java.util.Objects;

/**
 * Where a typed job function writes its pairs: {@code out.collect(word, 1L)}. The job's codecs turn
 * each key and value into a Disco record, so the types are checked by the compiler here and by the
 * job's {@code build()} once.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Collector<K, V> {
    /** Writes the pair {@code (key, value)}. */
    void collect(K key, V value) throws IOException;

    /**
     * Collects {@code (source.slice(from, to), value)}, without copying the key when {@code out}
     * can take it as a range of {@code source} (a {@link SliceCollector}, as the classic worker's
     * map collector is): for maps that cut many keys out of one record, such as the words of a
     * line. The pairs collected are the same either way.
     *
     * @throws IndexOutOfBoundsException when {@code [from, to)} is not within {@code source}
     */
    @SuppressWarnings("unchecked")
    static <V> void collectSlice(Collector<Bytes, V> out, Bytes source, int from, int to, V value) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(source, "source");
        if (out instanceof SliceCollector) {
            ((SliceCollector<V>) out).collectSlice(source, from, to, value);
        } else {
            out.collect(source.slice(from, to), value);
        }
    }
}
