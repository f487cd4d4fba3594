/**
 * Disco's {@code dir://} index file format (SPEC §8.6): the lines a master writes for a task's
 * local outputs and that the {@code dir} scheme and a master grouping a stage read back. One owner
 * for the format, so that the writer and every reader agree on it.
 */
package io.jdisco.worker.index;
