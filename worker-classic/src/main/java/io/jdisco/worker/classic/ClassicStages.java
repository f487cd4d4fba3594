package io.jdisco.worker.classic;

import io.jdisco.worker.classic.internal.settings.ClassicSettings;
import io.jdisco.worker.classic.internal.settings.Truthiness;
import java.util.Map;
import java.util.Objects;

/**
 * Which stages a classic job runs, read from its worker's parameters as the client states them in
 * the jobdict (SPEC §5.3): whether it has a map and a reduce, whether the reduce outputs are
 * shuffled, and how the map output is partitioned. {@link ClassicWorker#jobdict} writes its keys
 * from this; a test kit that plays the master's part (running {@code map}, {@code map_shuffle},
 * {@code reduce} and {@code reduce_shuffle} tasks itself) plans its tasks from the same reading.
 *
 * <pre>{@code
 * ClassicStages stages = ClassicStages.of(worker, Map.of("name", "wc"), Map.of());
 * if (stages.hasMap()) { ... one map task per input, then a map_shuffle ... }
 * }</pre>
 */
public final class ClassicStages {
    private final boolean hasMap;
    private final boolean hasReduce;
    private final boolean reduceShuffle;
    private final boolean mergePartitions;
    private final Object partitions;

    private ClassicStages(boolean hasMap, boolean hasReduce, boolean reduceShuffle, boolean mergePartitions,
            Object partitions) {
        this.hasMap = hasMap;
        this.hasReduce = hasReduce;
        this.reduceShuffle = reduceShuffle;
        this.mergePartitions = mergePartitions;
        this.partitions = partitions;
    }

    /**
     * The stages of the job run by {@code worker} with the job settings {@code job} and the job
     * arguments {@code jobargs} (either may be {@code null}), each parameter resolved as
     * {@link ClassicWorker#getItem(String, Map, Map, Object)} does.
     */
    public static ClassicStages of(ClassicWorker worker, Map<String, ?> job, Map<String, ?> jobargs) {
        Objects.requireNonNull(worker, "worker");
        return new ClassicStages(
                worker.hasMap(worker.getItem("map", job, jobargs, null)),
                worker.hasReduce(worker.getItem("reduce", job, jobargs, null)),
                Truthiness.isTrue(worker.getItem("reduce_shuffle", job, jobargs, false)),
                Truthiness.isTrue(worker.getItem("merge_partitions", job, jobargs, false)),
                worker.getItem("partitions", job, jobargs, 1));
    }

    /** True when the job has a map (the {@code map} parameter, or an overridden {@code ClassicWorker.map}). */
    public boolean hasMap() {
        return hasMap;
    }

    /** True when the job has a reduce (the {@code reduce} parameter, or an overridden {@code ClassicWorker.reduce}). */
    public boolean hasReduce() {
        return hasReduce;
    }

    /** {@code reduce_shuffle}: the reduce outputs are shuffled into one per node, as the map's are. */
    public boolean reduceShuffle() {
        return reduceShuffle;
    }

    /** {@code merge_partitions}: one reduce task reads every label. */
    public boolean mergePartitions() {
        return mergePartitions;
    }

    /**
     * {@code partitions}: the number of labels the map writes, 0 for unpartitioned output
     * ({@code null}, {@code false} or 0).
     *
     * @throws IllegalArgumentException when the parameter is not a number, null or false, or is
     *     negative (the job's map task would fail on it)
     */
    public int partitions() {
        return ClassicSettings.partitions(partitions);
    }

    /** The stages, for diagnostics. */
    @Override
    public String toString() {
        return "ClassicStages[map=" + hasMap + ", reduce=" + hasReduce + ", reduce_shuffle=" + reduceShuffle
                + ", merge_partitions=" + mergePartitions + ", partitions=" + partitions + "]";
    }
}
