/**
 * A task's outputs (SPEC §8.5, §2.4.6): one {@link io.jdisco.worker.core.output.Output} per label,
 * opened through a caller-supplied {@link io.jdisco.worker.core.output.OutputOpener}; at the end
 * closed and announced with {@code OUTPUT}, or on failure discarded.
 */
package io.jdisco.worker.core.output;
