package io.jdisco.worker.classic.internal.stage;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.Partitioners;
import io.jdisco.worker.classic.internal.combine.KeySums;
import io.jdisco.worker.classic.internal.diagnostics.StatusIterator;
import io.jdisco.worker.classic.internal.function.MapCall;
import io.jdisco.worker.classic.internal.function.Pairs;
import io.jdisco.worker.classic.internal.function.SliceEmitter;
import io.jdisco.worker.classic.internal.settings.ClassicSettings;
import io.jdisco.worker.core.SessionLoop;
import io.jdisco.worker.core.output.Output;
import io.jdisco.worker.fn.CombinerFunction;
import io.jdisco.worker.fn.InitFunction;
import io.jdisco.worker.fn.PartitionFunction;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classic map task (SPEC §5.5): every input entry through {@code map}, every pair through
 * {@code partition} and the {@code combiner} into one output per label. Outputs open lazily: a
 * label that receives no pair has no file and no {@code OUTPUT}.
 *
 * <p>With {@code sum_combiner} and a built-in (deterministic) partition function, pairs go into a
 * {@link KeySums} table instead of per-partition maps: each distinct key is partitioned once,
 * and counts are summed unboxed. When the table holds more than {@link #sumsBudget} bytes, its
 * sums are written out and it starts again; a key may then appear more than once in a map output,
 * which every reduce of combined output already handles (the same key comes from every map).
 */
public final class MapTask {
    /**
     * Whether a map task leaves its sum table to the next ({@link KeySums#recycle}): only in a
     * reused worker process, which runs a job's tasks one after another on one thread. On a
     * master's threads (the command line's client, where each pool thread may run one map task
     * and then reduces) the spares only held memory: 100 MB on threads peaked at 328 MB against
     * 223 MB without them; and 10,000 map tasks of 4 KB each gained nothing from the keys a small
     * spare kept (11.23 vs 10.94 s), their words being mostly rare ones.
     */
    private static final boolean SPARE_SUMS = SessionLoop.requested(System.getenv());
    private final TaskRuntime rt;
    private final int partitions;
    private final PartitionFunction partition;
    private final CombinerFunction combiner;
    private final Params params;
    private final TreeMap<Integer, Map<Object, Object>> buffers = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    /** The summing fast path, or null when the job's combiner or partition function is its own. */
    private final KeySums sums;
    private final KeySums.Labeller labeller = this::labelOrNone;
    private final KeySums.Labeller checkedLabeller = this::label;
    /** Labels of recent keys, for the built-in (deterministic) partition functions; else null. */
    private final LabelCache labels;
    /** Labels of {@code Bytes} keys seen, for the same functions; else null. */
    private final ByteKeyLabels byteLabels;
    private final long sumsBudget = sumsBudget(Runtime.getRuntime().maxMemory());
    /**
     * The map's emitter, made once: a method reference made per entry is an allocation per entry
     * for the client compiler (C1), which runs tasks on the embedded master's threads.
     */
    private final SliceEmitter emitter = new Routing();
    /** The outputs opened so far, by label, so a pair costs no map lookup; index 0 is unlabelled. */
    private final Output[] outputs;

    private MapTask(TaskRuntime rt) {
        this.rt = rt;
        ClassicSettings s = rt.settings();
        this.partitions = s.partitions();
        this.partition = s.partition();
        this.combiner = s.combiner();
        this.params = s.params();
        boolean builtInPartition = partitions == 0 || partition == Partitioners.md5()
                || partition == Partitioners.python2Hash();
        this.sums = combiner == ClassicFunctions.sumCombiner() && builtInPartition ? KeySums.spareOrNew(labelling()) : null;
        this.labels = builtInPartition && partitions > 0 ? new LabelCache() : null;
        this.byteLabels = labels != null ? new ByteKeyLabels() : null;
        this.outputs = new Output[partitions + 1];
    }

    /**
     * Runs the map.
     *
     * @throws IllegalStateException for {@code save_results} with partitioned output and no reduce,
     *     which Disco does not support either (a {@code FATAL})
     */
    public static void run(TaskRuntime rt, MapCall map, boolean hasReduce) throws IOException {
        ClassicSettings s = rt.settings();
        if ((s.flag("save_results") || s.flag("save")) && s.partitions() > 0 && !hasReduce) {
            throw new IllegalStateException("save_results with partitioned map output and no reduce is not "
                    + "supported (as in Disco): set partitions to 0 (null) or add a reduce");
        }
        new MapTask(rt).loop(map, s);
    }

    private void loop(MapCall map, ClassicSettings s) throws IOException {
        StatusIterator<Object> entries = new StatusIterator<>(rt.input(rt.stageOpener()), s.statusInterval(), "mapped", rt::status);
        InitFunction<Object> init = s.init("map_init");
        if (init != null) {
            init.init(entries, params);
        }
        MapCall.EntryMap bound = map.into(emitter);
        while (entries.hasNext()) {
            bound.map(entries.next());
        }
        if (sums != null) {
            writeSums();
            if (SPARE_SUMS) {
                sums.recycle(labelling());
            }
        }
        for (Map.Entry<Integer, Map<Object, Object>> b : buffers.entrySet()) {
            write(b.getKey(), combiner.combine(null, null, b.getValue(), true, params));
        }
    }

    /** The map's emitter: every pair to {@link #route}, a slice key to the sums as it lies. */
    private final class Routing implements SliceEmitter {
        @Override
        public void emit(Object key, Object value) throws IOException {
            route(key, value);
        }

        @Override
        public void emitSlice(Bytes source, int from, int to, Object value) throws IOException {
            if (sums == null) {
                route(source.slice(from, to), value);
                return;
            }
            sums.addSlice(source, from, to, value, labeller);
            flushSumsIfFull();
        }
    }

    /** One map output pair: partition, then combine or write. */
    private void route(Object key, Object value) throws IOException {
        if (sums != null) {
            sum(key, value);
            return;
        }
        Integer label = partitions > 0 ? knownLabel(key) : null;
        if (combiner == null) {
            output(label).add(key, value);
            return;
        }
        Map<Object, Object> buffer = buffers.computeIfAbsent(label, l -> new LinkedHashMap<>());
        write(label, combiner.combine(key, value, buffer, false, params));
    }

    /** The output of {@code label} (null: unlabelled; else in [0, partitions), checked). */
    private Output output(Integer label) throws IOException {
        int slot = label == null ? 0 : label + 1;
        Output o = outputs[slot];
        if (o == null) {
            o = rt.output(label);
            outputs[slot] = o;
        }
        return o;
    }

    /**
     * How many bytes the summing table may hold before it is written out: a quarter of the heap,
     * at most 64 MiB. A flush only costs a repeated key in the output, so a large heap is no
     * reason to hold more; a worker's footprint stays small whatever heap it was given.
     */
    static long sumsBudget(long maxHeap) {
        return Math.min(maxHeap / 4, 64L << 20);
    }

    /** The label of {@code key}, through the labels kept for a built-in partition function. */
    private int knownLabel(Object key) {
        if (byteLabels != null && key instanceof Bytes) {
            return byteLabels.label((Bytes) key, checkedLabeller);
        }
        return labels != null ? labels.label(key, checkedLabeller) : label(key);
    }

    /** What a key's label depends on: keys labelled under an equal one keep their labels. */
    private Object labelling() {
        return partitions == 0 ? List.of(0) : List.of(partitions, partition);
    }

    /** The label of {@code key}, or -1 when the job has no partitions. */
    private int labelOrNone(Object key) {
        return partitions > 0 ? label(key) : -1;
    }

    /** The label of {@code key}, checked. */
    private int label(Object key) {
        int p = partition.partition(key, partitions, params);
        if (p < 0 || p >= partitions) {
            throw new IllegalArgumentException("partition function " + partition + " put key " + key
                    + " in partition " + p + ", outside [0, " + partitions + ")");
        }
        return p;
    }

    private void sum(Object key, Object value) throws IOException {
        sums.add(key, value, labeller);
        flushSumsIfFull();
    }

    /** Writes the sums out when they hold more than their budget (a few field reads a pair). */
    private void flushSumsIfFull() throws IOException {
        if (sums.approximateBytes() > sumsBudget) {
            flushSums();
        }
    }

    private void flushSums() throws IOException {
        writeSums();
        sums.clear();
    }

    private void writeSums() throws IOException {
        sums.forEach((label, key, sum) -> rt.output(label < 0 ? null : label).add(key, sum));
    }

    private void write(Integer label, Iterable<Tuple> pairs) throws IOException {
        if (pairs == null) {
            return;
        }
        Output out = null;
        for (Tuple t : pairs) {
            Pairs.check(t, "the combiner");
            if (out == null) {
                out = rt.output(label);
            }
            out.add(t.key(), t.value());
        }
    }
}
