package io.jdisco.worker;

/**
 * One typed result pair of a job: its key and its value, decoded from a Disco record
 * {@code (key, value)} by the job's codecs. {@code null} stands for Python's {@code None}.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param key the key
 * @param value the value
 */
public record KeyValue<K, V>(K key, V value) {
    /** The pair {@code (key, value)}. */
    public static <K, V> KeyValue<K, V> of(K key, V value) {
        return new KeyValue<>(key, value);
    }

    /** {@code key<TAB>value}, as the command line prints results. */
    @Override
    public String toString() {
        return key + "\t" + value;
    }
}
