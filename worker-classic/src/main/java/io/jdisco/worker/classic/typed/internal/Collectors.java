package io.jdisco.worker.classic.typed.internal;

import io.jdisco.worker.classic.typed.Codec;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.Emitter;

/** The collector a typed function writes to: its pairs encoded by their codecs, then emitted. */
final class Collectors {
    private Collectors() {
    }

    /**
     * A collector emitting to {@code out} through {@code keys} and {@code values}; when both store
     * their values as they are (String, Long, Bytes, ...), straight to {@code out}, with no call to
     * a codec per pair (the map of a sort or a word count writes one pair per record).
     */
    @SuppressWarnings("unchecked")
    static <K, V> Collector<K, V> of(Emitter out, Codec<K> keys, Codec<V> values) {
        if (PickleCodecs.storesAsIs(keys) && PickleCodecs.storesAsIs(values)) {
            return out::emit;
        }
        return (k, v) -> out.emit(keys.encode(k), values.encode(v));
    }
}
