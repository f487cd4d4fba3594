package io.jdisco.cli.jobs;

import io.jdisco.worker.core.client.ResultReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The records of a {@link ResultReader}, read and decoded ahead on a thread of their own, in
 * batches: merging a sort's results spent most of its time decoding them, one result after
 * another on one core, while the other core, done with its reduce, waited. At most
 * {@link #BATCHES_AHEAD} batches of {@link #BATCH} records wait in memory.
 */
final class ReadAhead implements AutoCloseable {
    /** Records per batch. */
    static final int BATCH = 4096;
    /** Batches read ahead at most. */
    static final int BATCHES_AHEAD = 8;
    private static final Object[] END = new Object[0];

    private final ResultReader<?> reader;
    private final BlockingQueue<Object[]> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean closed;
    private Object[] batch = new Object[0];
    private int next;
    private boolean ended;

    private ReadAhead(ResultReader<?> reader, String name) {
        this.reader = reader;
        this.thread = new Thread(this::readAll, name);
        thread.setDaemon(true);
    }

    /** Starts reading {@code reader} ahead; {@link #close} closes it. */
    static ReadAhead start(ResultReader<?> reader, String name) {
        ReadAhead r = new ReadAhead(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(name, "name"));
        r.thread.start();
        return r;
    }

    private void readAll() {
        try {
            Object[] b = new Object[BATCH];
            int n = 0;
            while (!closed && reader.advance()) {
                b[n++] = reader.current();
                if (n == BATCH) {
                    put(b);
                    b = new Object[BATCH];
                    n = 0;
                }
            }
            if (n > 0) {
                Object[] last = new Object[n];
                System.arraycopy(b, 0, last, 0, n);
                put(last);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Object[] b) throws InterruptedException {
        while (!closed && !batches.offer(b, 100, TimeUnit.MILLISECONDS)) {
            // the consumer is behind: wait for room, unless it closed meanwhile
        }
    }

    /**
     * Moves to the next record; false after the last.
     *
     * @throws IOException what reading the results threw, as it was
     */
    boolean advance() throws IOException {
        if (ended) {
            return false;
        }
        if (++next < batch.length) {
            return true;
        }
        try {
            batch = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading results ahead");
        }
        next = 0;
        if (batch == END) {
            ended = true;
            rethrowFailure();
            return false;
        }
        return true;
    }

    /** The current record. */
    Object current() {
        if (ended || next >= batch.length) {
            throw new NoSuchElementException("no current record");
        }
        return batch[next];
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException) {
            throw (IOException) t;
        }
        if (t instanceof UncheckedIOException) {
            throw ((UncheckedIOException) t).getCause();
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IOException("reading results failed: " + t, t);
        }
    }

    /** Stops reading ahead, waits for the thread, and closes the reader. */
    @Override
    public void close() throws IOException {
        closed = true;
        batches.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
