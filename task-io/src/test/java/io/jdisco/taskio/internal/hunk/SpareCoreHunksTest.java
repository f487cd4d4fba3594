package io.jdisco.taskio.internal.hunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.taskio.PickleCodec;
import io.jdisco.taskio.internal.bytes.InputCursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code ReadAhead.AUTO}: when a reader starts a read-ahead thread, and that it gives the permit back. */
class SpareCoreHunksTest {
    private static final int HUNK_BYTES = 4096;

    @Test
    void readsAheadAfterTheFirstHunkWhenAPermitIsFreeAndGivesItBackAtTheEnd() throws Exception {
        byte[] file = file(40_000);
        ReadAheadPermits permits = new ReadAheadPermits(1);
        String url = "test://ahead-after-first";
        HunkSource hunks = new SpareCoreHunks(fetcher(file, url), url, file.length, permits);
        Hunk first = hunks.next();
        assertEquals(Hunk.Kind.DATA, first.kind);
        assertEquals(0, permits.free());
        hunks.next();
        assertEquals(1, ReadAheadThreads.count(url));
        drain(hunks);
        hunks.close();
        ReadAheadThreads.awaitNone(url, Duration.ofSeconds(5));
        assertEquals(1, permits.free());
    }

    @Test
    void yieldsTheSameBytesAsTheInlineReader() throws Exception {
        byte[] file = file(40_000);
        String url = "test://same-bytes";
        byte[] inline = drain(new HunkSource.Inline(fetcher(file, url)));
        byte[] ahead = drain(new SpareCoreHunks(fetcher(file, url), url, file.length, new ReadAheadPermits(1)));
        assertArrayEquals(inline, ahead);
    }

    @Test
    void readsInlineWithoutAPermit() throws Exception {
        byte[] file = file(40_000);
        String url = "test://no-permit";
        ReadAheadPermits permits = new ReadAheadPermits(0);
        HunkSource hunks = new SpareCoreHunks(fetcher(file, url), url, file.length, permits);
        hunks.next();
        hunks.next();
        assertEquals(0, ReadAheadThreads.count(url));
        hunks.close();
    }

    @Test
    void aOneHunkInputStartsNoThread() throws Exception {
        byte[] file = file(100);
        String url = "test://one-hunk";
        ReadAheadPermits permits = new ReadAheadPermits(1);
        HunkSource hunks = new SpareCoreHunks(fetcher(file, url), url, file.length, permits);
        assertEquals(Hunk.Kind.DATA, hunks.next().kind);
        assertEquals(1, permits.free());
        drain(hunks);
        assertEquals(1, permits.free());
        assertEquals(0, ReadAheadThreads.count(url));
        hunks.close();
    }

    @Test
    void anInputOfUnknownSizeReadsTwoHunksInlineFirst() throws Exception {
        byte[] file = file(40_000);
        String url = "test://unknown-size";
        ReadAheadPermits permits = new ReadAheadPermits(1);
        HunkSource hunks = new SpareCoreHunks(fetcher(file, url), url, -1, permits);
        hunks.next();
        assertEquals(1, permits.free());
        hunks.next();
        assertEquals(0, permits.free());
        hunks.close();
        ReadAheadThreads.awaitNone(url, Duration.ofSeconds(5));
        assertEquals(1, permits.free());
    }

    @Test
    void closingBeforeTheEndStopsTheThreadAndGivesThePermitBack() throws Exception {
        byte[] file = file(40_000);
        String url = "test://closed-early";
        ReadAheadPermits permits = new ReadAheadPermits(1);
        HunkSource hunks = new SpareCoreHunks(fetcher(file, url), url, file.length, permits);
        hunks.next();
        hunks.next();
        hunks.close();
        ReadAheadThreads.awaitNone(url, Duration.ofSeconds(5));
        assertEquals(1, permits.free());
    }

    /** An internal-format file of {@code records} pairs in hunks of about {@link #HUNK_BYTES}. */
    private static byte[] file(int records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HunkRecordWriter w = new HunkRecordWriter(out, 2, HUNK_BYTES, 0, PickleCodec.INSTANCE)) {
            for (int i = 0; i < records; i++) {
                w.add("key-" + i * 7919L, (long) i);
            }
        }
        return out.toByteArray();
    }

    private static HunkFetcher fetcher(byte[] file, String url) {
        return new HunkFetcher(new InputCursor(new ByteArrayInputStream(file), url), 1 << 20, 1, "pickle");
    }

    /** Reads every hunk to the end and returns their payloads, concatenated. */
    private static byte[] drain(HunkSource hunks) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            Hunk h = hunks.next();
            if (h.kind != Hunk.Kind.DATA) {
                assertEquals(Hunk.Kind.END, h.kind);
                return all.toByteArray();
            }
            all.write(h.plain, 0, h.length);
        }
    }
}
