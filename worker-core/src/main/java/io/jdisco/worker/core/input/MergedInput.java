package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A k-way merge of inputs that are each sorted by {@code order} (Python's {@code MergedInput},
 * {@code heapq.merge}): waits for the complete input set, keeps the head record of every input in a
 * heap and always hands out the smallest; equal records come in input order. Each input still fails
 * over between its replicas on its own.
 *
 * @param <R> the record type
 */
public final class MergedInput<R> extends RecordInput<R> {
    private final InputListing listing;
    private final Function<IdedInput, RecordReader<R>> open;
    private final Comparator<? super R> order;
    private PriorityQueue<Head<R>> heap;
    private final List<RecordReader<R>> readers = new ArrayList<>();
    private Head<R> last;
    private R current;
    private boolean hasCurrent;

    /** Merges the inputs of {@code listing}, each opened through {@code open}, by {@code order}. */
    public MergedInput(InputListing listing, Function<IdedInput, RecordReader<R>> open, Comparator<? super R> order) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.open = Objects.requireNonNull(open, "open");
        this.order = Objects.requireNonNull(order, "order");
    }

    @Override
    public boolean advance() throws IOException {
        hasCurrent = false;
        if (heap == null) {
            heap = new PriorityQueue<>((a, b) -> {
                int c = order.compare(a.record, b.record);
                return c != 0 ? c : Integer.compare(a.index, b.index);
            });
            int index = 0;
            for (IdedInput input : listing.rest()) {
                RecordReader<R> r = open.apply(input);
                readers.add(r);
                pushNext(new Head<>(r, index++));
            }
        } else if (last != null) {
            pushNext(last);
        }
        last = heap.poll();
        if (last == null) {
            return false;
        }
        current = last.record;
        hasCurrent = true;
        return true;
    }

    private void pushNext(Head<R> head) throws IOException {
        if (head.reader.advance()) {
            head.record = head.reader.current();
            heap.add(head);
        } else {
            head.reader.close();
        }
    }

    @Override
    public R current() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no current record: call advance() first (or the input is exhausted)");
        }
        return current;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (RecordReader<R> r : readers) {
            try {
                r.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        readers.clear();
        heap = new PriorityQueue<>((a, b) -> 0);
        last = null;
        if (first != null) {
            throw first;
        }
    }

    /** The head record of one input. */
    private static final class Head<R> {
        final RecordReader<R> reader;
        final int index;
        R record;

        Head(RecordReader<R> reader, int index) {
            this.reader = reader;
            this.index = index;
        }
    }
}
