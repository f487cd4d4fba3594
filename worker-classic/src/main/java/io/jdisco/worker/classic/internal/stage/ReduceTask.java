package io.jdisco.worker.classic.internal.stage;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.internal.diagnostics.StatusIterator;
import io.jdisco.worker.classic.internal.function.Pairs;
import io.jdisco.worker.classic.internal.function.ReduceCall;
import io.jdisco.worker.classic.internal.settings.ClassicSettings;
import io.jdisco.worker.classic.internal.sort.ExternalSorter;
import io.jdisco.worker.classic.internal.sort.SortBufferSize;
import io.jdisco.worker.classic.internal.sort.SortRecordCodec;
import io.jdisco.worker.core.output.Output;
import io.jdisco.worker.fn.InitFunction;
import java.io.IOException;
import java.util.Iterator;

/**
 * The classic reduce task (SPEC §5.9): the pairs of the task's label from every input (index
 * inputs expanded, filtered by the group label unless {@code merge_partitions}), optionally sorted
 * by key on disk, through {@code reduce_init} and {@code reduce} into one output, label 0, created
 * even when empty. The input order is the master's input order, then index order — deterministic,
 * where Disco shuffles it (DESIGN.md §3.6).
 */
public final class ReduceTask {
    private ReduceTask() {
    }

    /** Runs the reduce. */
    public static void run(TaskRuntime rt, ReduceCall reduce) throws IOException {
        ClassicSettings s = rt.settings();
        Params params = s.params();
        Iterator<Tuple> pairs = Pairs.of(rt.input(rt.stageOpener()));
        ExternalSorter sorter = null;
        try {
            if (s.flag("sort")) {
                sorter = newSorter(rt, s);
                pairs = sort(rt, sorter, pairs);
            }
            Output out = rt.output(null);
            StatusIterator<Tuple> entries = new StatusIterator<>(pairs, s.statusInterval(), "reduced", rt::status);
            InitFunction<Object> init = s.init("reduce_init");
            if (init != null) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Iterator<Object> asObjects = (Iterator) entries;
                init.init(asObjects, params);
            }
            reduce.reduce(new SinglePass<>(entries, "the reduce input"), out::add);
        } finally {
            if (sorter != null) {
                sorter.close();
            }
        }
    }

    private static ExternalSorter newSorter(TaskRuntime rt, ClassicSettings s) {
        Object spec = s.raw("sort_buffer_size");
        long bytes = SortBufferSize.bytes(spec == null ? "10%" : spec, Runtime.getRuntime().maxMemory());
        return new ExternalSorter(rt.task().localPath("sort"), bytes, new SortRecordCodec());
    }

    /** Feeds every pair to the sorter (spilling runs as needed) and returns them in key order. */
    private static Iterator<Tuple> sort(TaskRuntime rt, ExternalSorter sorter, Iterator<Tuple> pairs)
            throws IOException {
        rt.status("Downloading the reduce input for sorting");
        while (pairs.hasNext()) {
            sorter.add(pairs.next());
        }
        rt.status("Sorting " + sorter.size() + " entries (" + sorter.runCount() + " runs on disk)...");
        Iterator<Tuple> sorted = sorter.sorted();
        rt.status("Finished sorting");
        return sorted;
    }
}
