package io.jdisco.taskio.internal.hunk;

import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and inflates the next hunk on a daemon thread while the caller decodes the current one,
 * so reading costs about as much as inflating alone when a second core is free. Two payload
 * buffers circulate: one being decoded, one being filled; memory stays bounded by two hunks.
 */
final class ReadAheadHunks implements HunkSource {
    private static final long JOIN_MILLIS = 5000;

    private final HunkFetcher fetcher;
    private final String url;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<Hunk> ready = new ArrayBlockingQueue<>(2);
    private final Runnable onExit;
    private final Thread thread;
    private byte[] held;
    private volatile boolean stopped;

    /** Reads ahead from the fetcher's first hunk on. */
    ReadAheadHunks(HunkFetcher fetcher, String url) {
        this(fetcher, url, () -> { }, new byte[0]);
    }

    /**
     * Reads ahead from the fetcher's next hunk on; {@code held} is the buffer of the hunk the
     * caller is decoding now, reused once the caller asks for the next one; {@code onExit} runs
     * on the thread as it ends.
     */
    ReadAheadHunks(HunkFetcher fetcher, String url, Runnable onExit, byte[] held) {
        this.fetcher = fetcher;
        this.url = url;
        this.onExit = onExit;
        this.held = held;
        free.add(new byte[0]);
        this.thread = new Thread(this::produce, "jdisco-read-ahead " + url);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        try {
            while (!stopped) {
                Hunk h = fetcher.next(free.take());
                ready.put(h);
                if (h.kind != Hunk.Kind.DATA && h.kind != Hunk.Kind.CORRUPT) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close() asked us to stop
        } finally {
            fetcher.end();
            onExit.run();
        }
    }

    @Override
    public Hunk next() throws InterruptedIOException {
        if (held != null) {
            free.offer(held);
            held = null;
        }
        Hunk h;
        try {
            h = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next hunk of " + url);
        }
        held = h.plain;
        return h;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
