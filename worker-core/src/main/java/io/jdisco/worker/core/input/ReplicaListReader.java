package io.jdisco.worker.core.input;

import io.jdisco.worker.DataException;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The records of one input given as a plain list of replica URLs, failing over in list order and
 * resuming after the records already delivered: Python's {@code Input} over a URL list (SPEC
 * §8.3), used where no master is asked (reduce inputs from index files, §5.9; the client's
 * result reading, §11.2). When every replica has failed: a {@link DataException}
 * "Exhausted all available replicas" carrying the last error.
 *
 * @param <R> the record type
 */
public final class ReplicaListReader<R> implements RecordReader<R> {
    private final List<String> replicas;
    private final RecordOpener<R> opener;
    private int next;
    private RecordReader<R> reader;
    private String openUrl;
    private IOException lastError;
    private long delivered;
    private R current;
    private boolean hasCurrent;
    private boolean finished;

    /** A reader of the records held by each of {@code replicas} (identical record sequences). */
    public ReplicaListReader(List<String> replicas, RecordOpener<R> opener) {
        this.replicas = List.copyOf(Objects.requireNonNull(replicas, "replicas"));
        if (this.replicas.isEmpty()) {
            throw new IllegalArgumentException("an input needs at least one replica URL");
        }
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public boolean advance() throws IOException {
        hasCurrent = false;
        while (!finished) {
            if (reader == null) {
                openNext();
            }
            try {
                if (reader.advance()) {
                    current = reader.current();
                    hasCurrent = true;
                    delivered++;
                    return true;
                }
                finished = true;
                close();
            } catch (IOException e) {
                fail(e);
            }
        }
        return false;
    }

    private void openNext() throws IOException {
        while (true) {
            if (next >= replicas.size()) {
                finished = true;
                throw new DataException("Exhausted all available replicas after " + delivered + " records"
                        + (lastError == null ? "" : ", last error was: " + lastError.getMessage()),
                        String.join(" ", replicas), lastError);
            }
            openUrl = replicas.get(next++);
            try {
                reader = opener.open(openUrl);
                for (long i = 0; i < delivered; i++) {
                    if (!reader.advance()) {
                        throw new DataException("replica ended after " + i + " records but " + delivered
                                + " were already read from another replica", openUrl);
                    }
                }
                return;
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private void fail(IOException e) {
        lastError = e;
        RecordReader<R> r = reader;
        reader = null;
        if (r != null) {
            try {
                r.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
        }
    }

    @Override
    public R current() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no current record of " + replicas
                    + (finished ? ": the input is exhausted" : ": call advance() first"));
        }
        return current;
    }

    /** How many records this input has delivered so far: the index of the next one. */
    public long delivered() {
        return delivered;
    }

    /** The URL being read, or {@code null} before the first record. */
    public String url() {
        return openUrl;
    }

    @Override
    public void close() throws IOException {
        RecordReader<R> r = reader;
        reader = null;
        if (r != null) {
            r.close();
        }
    }

    @Override
    public String toString() {
        return "ReplicaListReader" + replicas;
    }
}
