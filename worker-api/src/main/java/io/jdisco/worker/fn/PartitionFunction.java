package io.jdisco.worker.fn;

import io.jdisco.worker.Params;
import java.io.Serializable;

/**
 * The classic {@code partition(key, nr_partitions, params)} (SPEC §5.6): the label, in
 * {@code [0, partitions)}, of the reduce task that receives {@code key}. It must be a pure
 * function of the key: every map task must send a key to the same label.
 */
@FunctionalInterface
public interface PartitionFunction extends Serializable {
    /** The partition of {@code key}; a value outside {@code [0, partitions)} fails the task. */
    int partition(Object key, int partitions, Params params);
}
