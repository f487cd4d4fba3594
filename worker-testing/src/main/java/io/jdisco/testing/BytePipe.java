package io.jdisco.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An in-memory pipe for in-process sessions (between a {@link FakeMaster} and a worker). Unlike {@link java.io.PipedInputStream} it does not
 * care which threads write (a worker writes from its task thread and its status thread) and ends
 * only when the sink is closed.
 */
public final class BytePipe {
    private final Object lock = new Object();
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private boolean closed;

    private final InputStream source = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            synchronized (lock) {
                while (start == end && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException();
                    }
                }
                if (start == end) {
                    return -1;
                }
                int n = Math.min(len, end - start);
                System.arraycopy(buf, start, b, off, n);
                start += n;
                return n;
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
        }
    };

    private final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (lock) {
                if (closed) {
                    throw new IOException("pipe closed");
                }
                if (end + len > buf.length) {
                    byte[] bigger = new byte[Math.max(buf.length * 2, end - start + len)];
                    System.arraycopy(buf, start, bigger, 0, end - start);
                    end -= start;
                    start = 0;
                    buf = bigger;
                }
                System.arraycopy(b, off, buf, end, len);
                end += len;
                lock.notifyAll();
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
        }
    };

    /** The reading end. */
    public InputStream source() {
        return source;
    }

    /** The writing end; closing it ends the stream after the buffered bytes. */
    public OutputStream sink() {
        return sink;
    }
}
