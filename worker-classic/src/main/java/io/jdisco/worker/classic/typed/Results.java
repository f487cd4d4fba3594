package io.jdisco.worker.classic.typed;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.DataException;
import io.jdisco.worker.KeyValue;
import io.jdisco.worker.core.client.ResultReader;
import io.jdisco.worker.io.ChainContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The results of a typed job, as {@link KeyValue}s: every record of its result files, decoded by
 * the job's codecs. Each {@link #iterator()} reads them from the start; an iterator read to its
 * end closes what it opened, and {@link #close()} closes those left open. A record that cannot be
 * read or decoded ends the loop with an {@link UncheckedIOException} holding a
 * {@link DataException} that says where.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Results<K, V> implements Iterable<KeyValue<K, V>>, AutoCloseable {
    private final List<List<String>> urls;
    private final ChainContext context;
    private final Codec<K> keys;
    private final Codec<V> values;
    private final List<ResultReader<Object>> open = new ArrayList<>();

    /** The results at {@code urls} (replica lists), read in {@code context}. */
    public Results(List<List<String>> urls, ChainContext context, Codec<K> keys, Codec<V> values) {
        this.urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        this.context = Objects.requireNonNull(context, "context");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.values = Objects.requireNonNull(values, "values");
    }

    /** The result URLs, as the master gave them. */
    public List<List<String>> urls() {
        return urls;
    }

    /** Reads every result into a list. */
    public List<KeyValue<K, V>> toList() {
        List<KeyValue<K, V>> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    @Override
    public synchronized Iterator<KeyValue<K, V>> iterator() {
        ResultReader<Object> reader = ResultReader.open(urls, TaskIo.chainStream(), context);
        open.add(reader);
        return new Iterator<>() {
            private boolean ready;
            private boolean ended;
            private long index;

            @Override
            public boolean hasNext() {
                if (ready) {
                    return true;
                }
                if (ended) {
                    return false;
                }
                try {
                    if (reader.advance()) {
                        ready = true;
                    } else {
                        ended = true;
                        release(reader);
                    }
                } catch (IOException e) {
                    ended = true;
                    release(reader);
                    throw new UncheckedIOException(e);
                }
                return ready;
            }

            @Override
            public KeyValue<K, V> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more results");
                }
                ready = false;
                return decode(reader.current(), index++);
            }
        };
    }

    private KeyValue<K, V> decode(Object record, long index) {
        try {
            return Codecs.decodePair(record, keys, values);
        } catch (DataException e) {
            throw new UncheckedIOException(new DataException("result record " + index + " of " + urls + ": "
                    + e.detail(), e.url(), e));
        }
    }

    private synchronized void release(ResultReader<Object> reader) {
        open.remove(reader);
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the readers of iterators not read to their end. */
    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (ResultReader<Object> r : open) {
            try {
                r.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "Results" + urls;
    }
}
