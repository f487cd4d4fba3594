/**
 * Disco's {@code task_io}: input and output stream chains and the record formats of Disco tasks —
 * the internal format (hunks of pickles, {@link io.jdisco.taskio.PickleCodec}), the old text
 * format, netstrings, line, gzip and regex readers, and atomic outputs. Start at
 * {@link io.jdisco.taskio.TaskIo}.
 */
package io.jdisco.taskio;
