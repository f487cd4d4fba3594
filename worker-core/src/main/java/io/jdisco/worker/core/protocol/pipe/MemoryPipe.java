package io.jdisco.worker.core.protocol.pipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-way byte pipe between two threads of this JVM, standing in for an OS pipe wherever a
 * protocol session runs without one: a master and a worker on threads of one JVM, a reused worker
 * process's stdin reader and the session it feeds ({@code SessionLoop}), a test and the fake
 * master it scripts. A bounded ring buffer (a writer waits while it is full, as on a full OS pipe),
 * end of stream when the writing end is closed, and {@link #breakPipe} for a kill.
 *
 * <p>Unlike {@link java.io.PipedInputStream} it does not tie itself to the threads that used it
 * last (a finished worker thread does not make the master's read fail) and it never polls: every
 * wait is woken by the other end. Waits are interruptible ({@link InterruptedIOException}).
 */
public final class MemoryPipe {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final byte[] ring;
    private int head;
    private int count;
    private boolean writerClosed;
    private boolean broken;
    private final Source source = new Source();
    /** When a read of {@link #source} gives up ({@link System#nanoTime}), or 0 for never; see {@link #readDeadline}. */
    private long deadline;
    private final OutputStream sink = new Sink();

    /** The capacity of {@link #MemoryPipe()}: 64 KiB, as a Linux pipe's. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    /** A pipe holding at most {@value #DEFAULT_CAPACITY} unread bytes. */
    public MemoryPipe() {
        this(DEFAULT_CAPACITY);
    }

    /** A pipe holding at most {@code capacity} unread bytes. */
    public MemoryPipe(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.ring = new byte[capacity];
    }

    /** The reading end: -1 after the writing end closed and every byte was read, or after a break. */
    public InputStream source() {
        return source;
    }

    /** The writing end: {@link IOException} "pipe broken" after a break or once the reading end closed. */
    public OutputStream sink() {
        return sink;
    }

    /**
     * Breaks the pipe, as a killed process's pipes break: unread bytes are dropped, readers see end
     * of stream, writers an {@link IOException}; every waiting thread wakes up.
     */
    public void breakPipe() {
        lock.lock();
        try {
            broken = true;
            count = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes reads of {@link #source} that would wait past {@code nanoTime} ({@link System#nanoTime})
     * throw {@link DeadlineExceededException}; 0: wait without end. For a reader that times its
     * waits itself (the protocol channel) instead of reading on a thread of its own.
     */
    public void readDeadline(long nanoTime) {
        lock.lock();
        try {
            deadline = nanoTime;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The pipe whose reading end {@code in} is, or null when it is not a pipe's: a pipe's reads can
     * time out ({@link #readDeadline}).
     */
    public static MemoryPipe ofSource(InputStream in) {
        return in instanceof Source s ? s.pipe() : null;
    }

    /** Closes the writing end: the reader gets end of stream after the buffered bytes, as when a process exits. */
    public void closeWriter() {
        lock.lock();
        try {
            writerClosed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await() throws InterruptedIOException {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on an in-memory pipe");
        }
    }

    /** A read that would wait past the pipe's {@link #readDeadline}. */
    public static final class DeadlineExceededException extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        DeadlineExceededException() {
            super("the read deadline passed");
        }
    }

    private void awaitUntil(long nanoTime) throws InterruptedIOException {
        long left = nanoTime - System.nanoTime();
        if (left <= 0) {
            throw new DeadlineExceededException();
        }
        try {
            changed.awaitNanos(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on an in-process worker pipe");
        }
    }

    private final class Source extends InputStream {
        MemoryPipe pipe() {
            return MemoryPipe.this;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (count == 0) {
                    if (broken || writerClosed) {
                        return -1;
                    }
                    if (deadline == 0) {
                        await();
                    } else {
                        awaitUntil(deadline);
                    }
                }
                int n = Math.min(len, count);
                int first = Math.min(n, ring.length - head);
                System.arraycopy(ring, head, b, off, first);
                System.arraycopy(ring, 0, b, off + first, n - first);
                head = (head + n) % ring.length;
                count -= n;
                changed.signalAll();
                return n;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }

        /** The reader went away: what is unread is dropped and the writer's next write fails. */
        @Override
        public void close() {
            breakPipe();
        }
    }

    private final class Sink extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            lock.lock();
            try {
                while (len > 0) {
                    if (broken) {
                        throw new IOException("pipe broken: the other end of the in-memory pipe is gone");
                    }
                    if (writerClosed) {
                        throw new IOException("write to a closed in-memory pipe");
                    }
                    if (count == ring.length) {
                        await();
                        continue;
                    }
                    int tail = (head + count) % ring.length;
                    int n = Math.min(len, Math.min(ring.length - count, ring.length - tail));
                    System.arraycopy(b, off, ring, tail, n);
                    count += n;
                    off += n;
                    len -= n;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        /** End of stream for the reader once it has read what is buffered. */
        @Override
        public void close() {
            closeWriter();
        }
    }
}
