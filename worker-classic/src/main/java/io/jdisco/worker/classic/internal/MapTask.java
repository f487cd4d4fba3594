package io.jdisco.worker.classic.internal;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.core.output.Output;
import io.jdisco.worker.fn.CombinerFunction;
import io.jdisco.worker.fn.InitFunction;
import io.jdisco.worker.fn.PartitionFunction;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classic map task (SPEC §5.5): every input entry through {@code map}, every pair through
 * {@code partition} and the {@code combiner} into one output per label. Outputs open lazily: a
 * label that receives no pair has no file and no {@code OUTPUT}.
 */
public final class MapTask {
    private final TaskRuntime rt;
    private final int partitions;
    private final PartitionFunction partition;
    private final CombinerFunction combiner;
    private final Params params;
    private final TreeMap<Integer, Map<Object, Object>> buffers = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));

    private MapTask(TaskRuntime rt) {
        this.rt = rt;
        ClassicSettings s = rt.settings();
        this.partitions = s.partitions();
        this.partition = s.partition();
        this.combiner = s.combiner();
        this.params = s.params();
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
        while (entries.hasNext()) {
            map.map(entries.next(), this::route);
        }
        for (Map.Entry<Integer, Map<Object, Object>> b : buffers.entrySet()) {
            write(b.getKey(), combiner.combine(null, null, b.getValue(), true, params));
        }
    }

    /** One map output pair: partition, then combine or write. */
    private void route(Object key, Object value) throws IOException {
        Integer label = null;
        if (partitions > 0) {
            int p = partition.partition(key, partitions, params);
            if (p < 0 || p >= partitions) {
                throw new IllegalArgumentException("partition function " + partition + " put key " + key
                        + " in partition " + p + ", outside [0, " + partitions + ")");
            }
            label = p;
        }
        if (combiner == null) {
            rt.output(label).add(key, value);
            return;
        }
        Map<Object, Object> buffer = buffers.computeIfAbsent(label, l -> new LinkedHashMap<>());
        write(label, combiner.combine(key, value, buffer, false, params));
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
