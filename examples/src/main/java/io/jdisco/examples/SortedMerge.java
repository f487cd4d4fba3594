package io.jdisco.examples;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Merges sorted streams of {@code (key, rest)} records into the lines {@code key rest \n}, in
 * {@link RecordText#ORDER} of key, then rest.
 *
 * <p>The stream with the smallest record is drained while its records are no greater than the
 * next stream's head: one comparison a record, and none of the heap's work, for streams that are
 * key ranges (the sort's results), where a heap poll and push per record cost a third of the
 * merge. Lines are packed into a buffer of this class's own, not written field by field through
 * a synchronized {@code BufferedOutputStream}.
 */
final class SortedMerge {
    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int used;

    private SortedMerge(OutputStream out) {
        this.out = out;
    }

    /** Writes the merged lines of {@code streams} to {@code out} and flushes it. */
    static void merge(List<ReadAhead> streams, OutputStream out) throws IOException {
        Objects.requireNonNull(streams, "streams");
        new SortedMerge(Objects.requireNonNull(out, "out")).run(streams);
    }

    private void run(List<ReadAhead> streams) throws IOException {
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> compare(a.record, b.record));
        for (ReadAhead s : streams) {
            if (s.advance()) {
                heads.add(new Head(s));
            }
        }
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            Head next = heads.peek();
            boolean more;
            do {
                line(h.record);
                more = h.stream.advance();
                if (more) {
                    h.record = (Tuple) h.stream.current();
                }
            } while (more && (next == null || compare(h.record, next.record) <= 0));
            if (more) {
                heads.add(h);
            }
        }
        out.write(buffer, 0, used);
        used = 0;
        out.flush();
    }

    /** {@link RecordText#ORDER} of key, then of rest; byte strings compared without a lookup. */
    static int compare(Tuple a, Tuple b) {
        Object ka = a.key();
        Object kb = b.key();
        int c = ka instanceof Bytes && kb instanceof Bytes ? ((Bytes) ka).compareTo((Bytes) kb)
                : RecordText.ORDER.compare(ka, kb);
        if (c != 0) {
            return c;
        }
        Object va = a.value();
        Object vb = b.value();
        return va instanceof Bytes && vb instanceof Bytes ? ((Bytes) va).compareTo((Bytes) vb)
                : RecordText.ORDER.compare(va, vb);
    }

    private void line(Tuple record) throws IOException {
        put(RecordText.asBytes(record.key()));
        put(RecordText.asBytes(record.value()));
        if (used == BUFFER) {
            drain();
        }
        buffer[used++] = '\n';
    }

    private void put(Bytes b) throws IOException {
        int n = b.length();
        if (n > BUFFER - used) {
            drain();
            if (n > BUFFER) {
                b.writeTo(out);
                return;
            }
        }
        b.copyTo(buffer, used);
        used += n;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    /** A stream and its current record. */
    private static final class Head {
        final ReadAhead stream;
        Tuple record;

        Head(ReadAhead stream) {
            this.stream = stream;
            this.record = (Tuple) stream.current();
        }
    }
}
