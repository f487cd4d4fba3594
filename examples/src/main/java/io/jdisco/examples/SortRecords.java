package io.jdisco.examples;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.OutputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.taskio.plain.CompressedText;
import io.jdisco.taskio.plain.LineOutputStage;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.classic.typed.InputFormat;
import io.jdisco.worker.classic.typed.MapReduceJob;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.JobContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A distributed sort of text records whose key is their first K bytes (fixed-width records, such
 * as the 100-byte records with 10-byte keys of sort benchmarks). The map splits each line into
 * {@code (key, rest)} without its newline; each reduce task reads its partition sorted by key
 * ({@code sort=true}) and writes the records back unchanged, equal keys ordered by the rest, as
 * the text lines they came from ({@link LineOutputStage}), so every result is a text file sorted
 * by key, then rest, and the client merges them (or, for key ranges, copies them one after the
 * other).
 *
 * <p>A line shorter than the key (an empty line too) is keyed by its whole self, with an empty
 * rest; a key of 0 bytes makes every line its own key. Either way the order of {@code (key, rest)}
 * is the order of the lines' bytes: a short key is either a proper prefix of a longer line's key
 * (and comes first, as the shorter line does) or differs from it where the lines differ. So the
 * output is {@code LC_ALL=C sort}'s for any text, whatever the key width: the width only decides
 * how the work is partitioned and how much of each line the reduce's sort compares as a key.
 */
public final class SortRecords {
    /** The params key holding the key length in bytes (an {@link Integer}; 0: the whole line). */
    public static final String KEY_BYTES = "key_bytes";

    /**
     * How to read the results: the lines of the files without their newlines, whose order is the
     * order of {@code (key, rest)} (see the class comment).
     */
    public static final InputChain<Bytes> RESULT_LINES = InputChain.of(List.of(TaskIo.taskInputStream()),
            TaskIo.byteLineReader(false, TaskIo.DEFAULT_MAX_RECORD_BYTES));

    private SortRecords() {
    }

    /**
     * The sort of {@code inputs} (URLs) by their first {@code keyBytes} bytes over {@code partitions}
     * reduce tasks, partitioned by the default partition (MD5 of the key): any inputs, any keys.
     */
    public static MapReduceJob<Bytes, Bytes> job(List<String> inputs, int keyBytes, int partitions) {
        return job(inputs, keyBytes, partitions, null);
    }

    /**
     * The same sort partitioned by key {@code ranges}, so each result is a contiguous range of keys
     * and the map takes no hash of them.
     */
    public static MapReduceJob<Bytes, Bytes> job(List<String> inputs, int keyBytes, KeyRanges ranges) {
        Objects.requireNonNull(ranges, "ranges");
        return job(inputs, keyBytes, ranges.partitions(), ranges);
    }

    private static MapReduceJob<Bytes, Bytes> job(List<String> inputs, int keyBytes, int partitions, KeyRanges ranges) {
        Objects.requireNonNull(inputs, "inputs");
        if (keyBytes < 0) {
            throw new IllegalArgumentException("sort needs a key of 0 bytes (the whole line) or more, got " + keyBytes);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("sort needs at least 1 partition, got " + partitions);
        }
        MapReduceJob.Builder b = MapReduceJob.named("Sort")
                .input(inputs)
                .partitions(partitions)
                .params(Params.of(KEY_BYTES, keyBytes))
                .set("map_input_stream", new ArrayList<>(CompressedText.mapInputStream()))
                .set("map_output_stream", TaskIo.storedTaskOutput())
                .set("reduce_output_stream", OutputChain.of(List.of(TaskIo.taskOutputStream()), new LineOutputStage()));
        if (ranges != null) {
            b.set("partition", ranges);
        }
        return b.map(InputFormat.byteLines(), Bytes.class, Bytes.class, SortRecords::split)
                .reduce(Bytes.class, Bytes.class, SortRecords::inOrder)
                .build();
    }

    /** The map: a line {@code key rest} to {@code (key, rest)}; a line shorter than the key to {@code (line, "")}. */
    public static void split(Bytes line, Collector<Bytes, Bytes> out, JobContext context) throws IOException {
        int k = context.params().get(KEY_BYTES, Integer.class);
        int end = line.length();
        int cut = end < k || k == 0 ? end : k; // a short line (or any, for k = 0) is its own key
        out.collect(line.slice(0, cut), line.slice(cut, end));
    }

    /**
     * The reduce: a key's records, ordered by the rest. The worker's sort orders the keys; equal
     * keys come in input order (Disco's sort orders them by their pickled values), not by the
     * rest, so a key's rests are held in memory to order them.
     */
    public static void inOrder(Bytes key, Iterable<Bytes> rests, Collector<Bytes, Bytes> out, JobContext context)
            throws IOException {
        Iterator<Bytes> it = rests.iterator();
        Bytes first = it.next();
        if (!it.hasNext()) {
            out.collect(key, first);
            return;
        }
        List<Bytes> run = new ArrayList<>();
        run.add(first);
        it.forEachRemaining(run::add);
        run.sort(null);
        for (Bytes rest : run) {
            out.collect(key, rest);
        }
    }
}
