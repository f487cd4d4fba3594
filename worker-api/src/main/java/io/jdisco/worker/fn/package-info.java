/**
 * The job functions of the classic map/reduce worker (SPEC §5.1): map, init, partition, combiner
 * and both forms of reduce. All are {@link java.io.Serializable} functional interfaces, shipped to
 * the nodes in the job data; a lambda or a named class both work (DESIGN.md §3.4).
 */
package io.jdisco.worker.fn;
