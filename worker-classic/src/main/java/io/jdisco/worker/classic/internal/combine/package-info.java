/**
 * The map side of {@code sum_combiner} and {@code sum_reduce} (SPEC §5.13): per-key sum tables
 * that keep counts unboxed and partition each distinct key once. Not an API.
 */
package io.jdisco.worker.classic.internal.combine;
