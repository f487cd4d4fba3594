/**
 * The job functions of the classic map/reduce worker (SPEC §5.1): map, init, partition, combiner
 * and both forms of reduce. All are {@link java.io.Serializable} functional interfaces, shipped to
 * the nodes in the job data; a lambda or a named class both work (DESIGN.md §3.4).
 *
 * <p>The typed functions — {@link io.jdisco.worker.fn.Mapper}, {@link io.jdisco.worker.fn.Reducer},
 * {@link io.jdisco.worker.fn.ValueCombiner}, writing through a {@link io.jdisco.worker.fn.Collector}
 * with a {@link io.jdisco.worker.fn.JobContext} for counters — are what a Java job normally uses
 * (worker-classic's {@code MapReduceJob}); the Disco-shaped ones above stay for jobs that need
 * Disco's exact parameters.
 */
package io.jdisco.worker.fn;
