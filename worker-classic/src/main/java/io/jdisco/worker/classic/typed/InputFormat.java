package io.jdisco.worker.classic.typed;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.KeyValue;
import io.jdisco.worker.io.ReaderStage;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a typed map reads from its inputs, and as which Java type: text lines, raw byte lines, or
 * the {@code (key, value)} records of Disco's internal format (another job's results, Python's
 * included) decoded by codecs. Immutable; travels with the job.
 *
 * @param <I> the type of the records the map receives
 */
public final class InputFormat<I> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Turns what the reader yields into the map's record. The decoders are classes, not lambdas:
     * they travel with the job, and a serializable lambda costs a short-lived JVM a class spun up
     * at every task.
     */
    @FunctionalInterface
    interface Decoder<I> extends Serializable {
        I decode(Object record) throws DataException;
    }

    /** A record that must be of {@code type} already. */
    private static final class Cast<T> implements Decoder<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;

        Cast(Class<T> type) {
            this.type = type;
        }

        @Override
        public T decode(Object record) throws DataException {
            if (record != null && !type.isInstance(record)) {
                throw new DataException("the map's reader yielded a " + record.getClass().getName() + ", not a "
                        + type.getName(), null);
            }
            return type.cast(record);
        }
    }

    /** A Disco record {@code (key, value)} decoded by two codecs. */
    private static final class Pairs<K, V> implements Decoder<KeyValue<K, V>> {
        private static final long serialVersionUID = 1L;
        private final Codec<K> keys;
        private final Codec<V> values;

        Pairs(Codec<K> keys, Codec<V> values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public KeyValue<K, V> decode(Object record) throws DataException {
            return Codecs.decodePair(record, keys, values);
        }
    }

    private final String description;
    private final ReaderStage<?> reader;
    private final Decoder<I> decoder;

    private InputFormat(String description, ReaderStage<?> reader, Decoder<I> decoder) {
        this.description = description;
        this.reader = reader;
        this.decoder = decoder;
    }

    /**
     * Text lines, decoded as UTF-8, without their {@code \n} or {@code \r\n}; a line that is not
     * UTF-8 fails the task naming its input and offset.
     */
    public static InputFormat<String> lines() {
        return new InputFormat<>("text lines", TaskIo.lineReader(), new Cast<>(String.class));
    }

    /** Lines as their bytes, without their {@code \n}: any encoding, or none. */
    public static InputFormat<Bytes> byteLines() {
        return new InputFormat<>("byte lines", TaskIo.byteLineReader(false, TaskIo.DEFAULT_MAX_RECORD_BYTES),
                new Cast<>(Bytes.class));
    }

    /**
     * The {@code (key, value)} records of Disco's internal format (the default output of every
     * Disco job, Java or Python), keys and values decoded by the codecs of {@code keyType} and
     * {@code valueType}.
     */
    public static <K, V> InputFormat<KeyValue<K, V>> pairs(Class<K> keyType, Class<V> valueType) {
        return pairs(Codecs.of(keyType), Codecs.of(valueType));
    }

    /** The records of Disco's internal format, decoded by {@code keys} and {@code values}. */
    public static <K, V> InputFormat<KeyValue<K, V>> pairs(Codec<K> keys, Codec<V> values) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        return new InputFormat<>("pairs of " + keys.type().getSimpleName() + " and " + values.type().getSimpleName(),
                TaskIo.chainReader(), new Pairs<>(keys, values));
    }

    /**
     * The records {@code reader} yields, which are of {@code type}: a reader of one's own (a
     * {@code ReaderStage}) made typed. A record of another type fails the task naming both.
     */
    public static <T> InputFormat<T> of(ReaderStage<? extends T> reader, Class<T> type) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(type, "type");
        return new InputFormat<>(type.getSimpleName() + " records of " + reader, reader, new Cast<>(type));
    }

    /** The reader ending the map's input chain (the job's {@code map_reader}). */
    public ReaderStage<?> reader() {
        return reader;
    }

    /** The map's record for what the reader yielded. */
    public I decode(Object record) throws DataException {
        return decoder.decode(record);
    }

    @Override
    public String toString() {
        return "InputFormat[" + description + "]";
    }
}
