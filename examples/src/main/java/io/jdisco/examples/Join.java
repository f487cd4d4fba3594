package io.jdisco.examples;

import io.jdisco.taskio.TaskIo;
import io.jdisco.taskio.plain.CompressedText;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.classic.typed.Codecs;
import io.jdisco.worker.classic.typed.InputFormat;
import io.jdisco.worker.classic.typed.MapReduceJob;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.JobContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reduce-side inner join of two inputs of {@code key<TAB>value} lines. The map tags each value
 * with its side ({@link Tagged}, Python's {@code (side, value)}: 0 = left, 1 = right); the reduce
 * reads its partition sorted by key and writes, for every key on both sides,
 * {@code (key, Match(left, right))} for each combination. A line without a TAB is a broken input
 * contract: the job fails (FATAL) naming the URL and line.
 */
public final class Join {
    /** The params key holding the left input's URL. */
    public static final String LEFT = "left";

    /**
     * A value tagged with its side.
     *
     * @param side 0 for the left input, 1 for the right
     * @param value the value's bytes
     */
    public record Tagged(long side, Bytes value) {
    }

    /**
     * One combination of a key's values.
     *
     * @param left a value of the left input
     * @param right a value of the right input
     */
    public record Match(Bytes left, Bytes right) {
    }

    private Join() {
    }

    /** The join of {@code left} and {@code right} (URLs) over {@code partitions} reduce tasks. */
    public static MapReduceJob<Bytes, Match> job(String left, String right, int partitions) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        if (left.equals(right)) {
            throw new IllegalArgumentException("join needs two different inputs, got " + left + " twice");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("join needs at least 1 partition, got " + partitions);
        }
        return MapReduceJob.named("Join")
                .input(left, right)
                .partitions(partitions)
                .params(Params.of(LEFT, left))
                .set("map_input_stream", CompressedText.mapInputStream())
                .set("map_output_stream", TaskIo.storedTaskOutput())
                .set("reduce_output_stream", TaskIo.storedTaskOutput())
                .map(InputFormat.of(new UrlLineReader(), UrlLine.class), Codecs.of(Bytes.class),
                        Codecs.tuple(Tagged.class), Join::tagSide)
                .reduce(Codecs.of(Bytes.class), Codecs.tuple(Match.class), Join::pairUp)
                .build();
    }

    /** The map: {@code key<TAB>value} to {@code (key, Tagged(side, value))}. */
    public static void tagSide(UrlLine line, Collector<Bytes, Tagged> out, JobContext context) throws IOException {
        byte[] bytes = line.line().toByteArray();
        int tab = 0;
        while (tab < bytes.length && bytes[tab] != '\t') {
            tab++;
        }
        if (tab == bytes.length) {
            throw new IllegalArgumentException("join input " + line.url() + " line " + line.number()
                    + " has no TAB between key and value: " + line.line());
        }
        long side = line.url().equals(context.params().get(LEFT, String.class)) ? 0L : 1L;
        out.collect(Bytes.of(bytes, 0, tab), new Tagged(side, Bytes.of(bytes, tab + 1, bytes.length - tab - 1)));
    }

    /** The reduce: every left value of a key with every right value of the same key. */
    public static void pairUp(Bytes key, Iterable<Tagged> values, Collector<Bytes, Match> out, JobContext context)
            throws IOException {
        List<Bytes> left = new ArrayList<>();
        List<Bytes> right = new ArrayList<>();
        for (Tagged v : values) {
            (v.side() == 0L ? left : right).add(v.value());
        }
        for (Bytes l : left) {
            for (Bytes r : right) {
                out.collect(key, new Match(l, r));
            }
        }
    }
}
