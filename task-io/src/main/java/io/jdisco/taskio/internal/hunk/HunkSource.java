package io.jdisco.taskio.internal.hunk;

import java.io.IOException;

/** Where a {@link HunkRecordReader} gets its hunks: read inline, or by a read-ahead thread. */
interface HunkSource {
    /**
     * The next hunk. The previous hunk's buffer may be reused from this call on. After a hunk
     * that is not {@code DATA} or {@code CORRUPT} nothing more may be asked.
     */
    Hunk next() throws IOException;

    /** Stops reading and frees resources; does not close the input. */
    void close();

    /** Reads each hunk when asked, on the caller's thread, into one reused buffer. */
    final class Inline implements HunkSource {
        private final HunkFetcher fetcher;
        private byte[] buffer = new byte[0];

        Inline(HunkFetcher fetcher) {
            this.fetcher = fetcher;
        }

        @Override
        public Hunk next() {
            Hunk h = fetcher.next(buffer);
            buffer = h.plain;
            return h;
        }

        @Override
        public void close() {
            fetcher.end();
        }
    }
}
