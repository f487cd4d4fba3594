package io.jdisco.taskio.internal.hunk;

import java.io.IOException;

/**
 * {@code ReadAhead.AUTO}: reads the first hunk inline, then hands the fetcher to a
 * {@link ReadAheadHunks} thread if more than a little input is left and a permit is free (else
 * goes on inline); the thread gives the permit back as it ends. When the input's size is not
 * known, the second hunk is read inline too, and the thread starts only if there was one. So a
 * one-hunk input, as most small files are, starts no thread.
 */
final class SpareCoreHunks implements HunkSource {
    /** Less input than this left after a hunk is not worth a thread (a terminator hunk is 14-22 bytes). */
    static final long MIN_REST = 64 * 1024;

    private final HunkFetcher fetcher;
    private final String url;
    private final long size;
    private final ReadAheadPermits permits;
    private HunkSource source;
    private int inlineHunks;
    private boolean decided;

    /** Over {@code fetcher}'s input of {@code size} bytes (-1 when unknown). */
    SpareCoreHunks(HunkFetcher fetcher, String url, long size, ReadAheadPermits permits) {
        this.fetcher = fetcher;
        this.url = url;
        this.size = size;
        this.permits = permits;
        this.source = new HunkSource.Inline(fetcher);
    }

    @Override
    public Hunk next() throws IOException {
        Hunk h = source.next();
        if (!decided && (h.kind == Hunk.Kind.DATA || h.kind == Hunk.Kind.CORRUPT)) {
            inlineHunks++;
            if (size >= 0 || inlineHunks == 2) {
                decided = true;
                boolean worthIt = size < 0 || size - fetcher.input().offset() >= MIN_REST;
                if (worthIt && permits.tryAcquire()) {
                    readAheadFrom(h);
                }
            }
        }
        return h;
    }

    private void readAheadFrom(Hunk h) {
        try {
            source = new ReadAheadHunks(fetcher, url, permits::release, h.plain);
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
