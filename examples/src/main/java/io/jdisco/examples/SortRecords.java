package io.jdisco.examples;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.OutputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.fn.Emitter;
import io.jdisco.worker.io.InputStage;
import java.io.IOException;
import java.util.ArrayList;
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
    public static ClassicJob job(List<String> inputs, int keyBytes, int partitions) {
        return builder(inputs, keyBytes, partitions).build();
    }

    /**
     * The same sort partitioned by key {@code ranges}, so each result is a contiguous range of keys
     * and the map takes no hash of them.
     */
    public static ClassicJob job(List<String> inputs, int keyBytes, KeyRanges ranges) {
        Objects.requireNonNull(ranges, "ranges");
        return builder(inputs, keyBytes, ranges.partitions()).partition(ranges).build();
    }

    private static ClassicJob.Builder builder(List<String> inputs, int keyBytes, int partitions) {
        Objects.requireNonNull(inputs, "inputs");
        if (keyBytes < 0) {
            throw new IllegalArgumentException("sort needs a key of 0 bytes (the whole line) or more, got " + keyBytes);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("sort needs at least 1 partition, got " + partitions);
        }
        return ClassicJob.builder("Sort")
                .input(inputs)
                .mapInputStream(CompressedText.mapInputStream().toArray(new InputStage[0]))
                .map(SortRecords::split)
                .partitions(partitions)
                .sort(true)
                .mapOutputStream(TaskIo.storedTaskOutput())
                .reduceOutputStream(OutputChain.of(List.of(TaskIo.taskOutputStream()), new LineOutputStage()))
                .reduce(SortRecords::identity)
                .params(Params.of(KEY_BYTES, keyBytes));
    }

    /** The map: a line {@code key rest \n} to {@code (key, rest)}; a line shorter than the key to {@code (line, "")}. */
    public static void split(Bytes line, Emitter out, Params params) throws IOException {
        int k = params.get(KEY_BYTES, Integer.class);
        int n = line.length();
        int end = n > 0 && line.byteAt(n - 1) == '\n' ? n - 1 : n;
        int cut = end < k || k == 0 ? end : k; // a short line (or any, for k = 0) is its own key
        out.emit(line.slice(0, cut), line.slice(cut, end));
    }

    /**
     * The reduce: the records of the partition, sorted by key (the worker's sort) and each run of
     * equal keys by the rest, unchanged. The worker's sort orders equal keys as they came (Disco's
     * by their pickled values), not by the rest; a run of one key is held in memory to order it.
     */
    public static void identity(Iterable<Tuple> entries, Emitter out, Params params) throws IOException {
        List<Tuple> run = new ArrayList<>();
        for (Tuple t : entries) {
            if (!run.isEmpty() && !t.key().equals(run.get(0).key())) {
                emitRun(run, out);
            }
            run.add(t);
        }
        emitRun(run, out);
    }

    private static void emitRun(List<Tuple> run, Emitter out) throws IOException {
        if (run.size() > 1) {
            run.sort((a, b) -> RecordText.ORDER.compare(a.value(), b.value()));
        }
        for (Tuple t : run) {
            out.emit(t.key(), t.value());
        }
        run.clear();
    }
}
