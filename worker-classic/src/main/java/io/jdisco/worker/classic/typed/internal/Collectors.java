package io.jdisco.worker.classic.typed.internal;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.classic.internal.function.SliceEmitter;
import io.jdisco.worker.classic.typed.Codec;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.Emitter;
import io.jdisco.worker.fn.SliceCollector;
import java.io.IOException;

/** The collector a typed function writes to: its pairs encoded by their codecs, then emitted. */
final class Collectors {
    private Collectors() {
    }

    /**
     * A collector emitting to {@code out} through {@code keys} and {@code values}; when both store
     * their values as they are (String, Long, Bytes, ...), straight to {@code out}, with no call to
     * a codec per pair (the map of a sort or a word count writes one pair per record); and when
     * the keys are {@link Bytes} and {@code out} takes slices, a {@link SliceCollector}.
     */
    @SuppressWarnings("unchecked")
    static <K, V> Collector<K, V> of(Emitter out, Codec<K> keys, Codec<V> values) {
        if (PickleCodecs.storesAsIs(keys) && PickleCodecs.storesAsIs(values)) {
            if (keys.type() == Bytes.class && out instanceof SliceEmitter) {
                return (Collector<K, V>) new AsIsSlices<V>((SliceEmitter) out);
            }
            return new AsIs<>(out);
        }
        return new Encoding<>(out, keys, values);
    }

    /** Pairs emitted as they are. (Classes, not lambdas: no class spun up per short-lived JVM.) */
    private static class AsIs<K, V> implements Collector<K, V> {
        private final Emitter out;

        AsIs(Emitter out) {
            this.out = out;
        }

        @Override
        public void collect(K key, V value) throws IOException {
            out.emit(key, value);
        }
    }

    /** Pairs of {@link Bytes} keys emitted as they are, keys cut from bigger byte strings included. */
    private static final class AsIsSlices<V> extends AsIs<Bytes, V> implements SliceCollector<V> {
        private final SliceEmitter slices;

        AsIsSlices(SliceEmitter out) {
            super(out);
            this.slices = out;
        }

        @Override
        public void collectSlice(Bytes source, int from, int to, V value) throws IOException {
            slices.emitSlice(source, from, to, value);
        }
    }

    /** Pairs encoded, then emitted. */
    private static final class Encoding<K, V> implements Collector<K, V> {
        private final Emitter out;
        private final Codec<K> keys;
        private final Codec<V> values;

        Encoding(Emitter out, Codec<K> keys, Codec<V> values) {
            this.out = out;
            this.keys = keys;
            this.values = values;
        }

        @Override
        public void collect(K key, V value) throws IOException {
            out.emit(keys.encode(key), values.encode(value));
        }
    }
}
