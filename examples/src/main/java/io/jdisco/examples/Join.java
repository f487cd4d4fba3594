package io.jdisco.examples;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.KeyGroups;
import io.jdisco.worker.fn.Emitter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reduce-side inner join of two inputs of {@code key<TAB>value} lines. The map tags each value
 * with its side (0 = left, 1 = right); the reduce reads its partition sorted by key and writes,
 * for every key on both sides, {@code (key, (leftValue, rightValue))} for each combination.
 * A line without a TAB is a broken input contract: the job fails (FATAL) naming the URL and line.
 */
public final class Join {
    /** The params key holding the left input's URL. */
    public static final String LEFT = "left";

    private Join() {
    }

    /** The join of {@code left} and {@code right} (URLs) over {@code partitions} reduce tasks. */
    public static ClassicJob job(String left, String right, int partitions) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        if (left.equals(right)) {
            throw new IllegalArgumentException("join needs two different inputs, got " + left + " twice");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("join needs at least 1 partition, got " + partitions);
        }
        return ClassicJob.builder("Join")
                .input(left, right)
                .mapReader(new UrlLineReader())
                .map(Join::tagSide)
                .partitions(partitions)
                .sort(true)
                .mapOutputStream(TaskIo.storedTaskOutput())
                .reduceOutputStream(TaskIo.storedTaskOutput())
                .reduce(Join::pairUp)
                .params(Params.of(LEFT, left))
                .build();
    }

    /** The map: {@code key<TAB>value} to {@code (key, (side, value))}. */
    public static void tagSide(Tuple urlLine, Emitter out, Params params) throws IOException {
        String url = (String) urlLine.get(0);
        byte[] line = ((Bytes) urlLine.get(2)).toByteArray();
        int tab = 0;
        while (tab < line.length && line[tab] != '\t') {
            tab++;
        }
        if (tab == line.length) {
            throw new IllegalArgumentException("join input " + url + " line " + urlLine.get(1)
                    + " has no TAB between key and value: " + urlLine.get(2));
        }
        long side = url.equals(params.get(LEFT, String.class)) ? 0L : 1L;
        out.emit(Bytes.of(line, 0, tab), Tuple.pair(side, Bytes.of(line, tab + 1, line.length - tab - 1)));
    }

    /** The reduce: every left value of a key with every right value of the same key. */
    public static void pairUp(Iterable<Tuple> entries, Emitter out, Params params) throws IOException {
        for (KeyGroups.Group g : KeyGroups.of(entries)) {
            List<Object> left = new ArrayList<>();
            List<Object> right = new ArrayList<>();
            for (Object v : g.values()) {
                Tuple sideValue = (Tuple) v;
                (((Long) sideValue.key()) == 0L ? left : right).add(sideValue.value());
            }
            for (Object l : left) {
                for (Object r : right) {
                    out.emit(g.key(), Tuple.pair(l, r));
                }
            }
        }
    }
}
