package io.jdisco.cli.jobs;

import io.jdisco.taskio.plain.LineBuffer;
import io.jdisco.worker.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Merges sorted streams of lines (without their newlines, {@link Bytes} in unsigned byte order)
 * into one sorted text, each line followed by a newline.
 *
 * <p>The stream with the smallest line is drained while its lines are no greater than the next
 * stream's head: one comparison a line, and none of the heap's work, for streams that are mostly
 * runs of their own (a heap poll and push per record cost a third of the merge). Lines are packed
 * into a {@link LineBuffer}.
 */
final class SortedMerge {
    private final OutputStream out;
    private final LineBuffer lines;

    private SortedMerge(OutputStream out) {
        this.out = out;
        this.lines = new LineBuffer(out);
    }

    /** Writes the merged lines of {@code streams} (each yielding {@link Bytes}) to {@code out} and flushes it. */
    static void merge(List<ReadAhead> streams, OutputStream out) throws IOException {
        Objects.requireNonNull(streams, "streams");
        new SortedMerge(Objects.requireNonNull(out, "out")).run(streams);
    }

    private void run(List<ReadAhead> streams) throws IOException {
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> a.line.compareTo(b.line));
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
                line(h.line);
                more = h.stream.advance();
                if (more) {
                    h.line = (Bytes) h.stream.current();
                }
            } while (more && (next == null || h.line.compareTo(next.line) <= 0));
            if (more) {
                heads.add(h);
            }
        }
        lines.drain();
        out.flush();
    }

    private void line(Bytes line) throws IOException {
        lines.put(line);
        lines.endLine();
    }

    /** A stream and its current line. */
    private static final class Head {
        final ReadAhead stream;
        Bytes line;

        Head(ReadAhead stream) {
            this.stream = stream;
            this.line = (Bytes) stream.current();
        }
    }
}
