/**
 * Streams that carry a session where there is no OS pipe, or more than one session on one: the
 * in-memory {@code MemoryPipe} between two threads, and {@code KeepOpenOutputStream} for a stream
 * that several sessions use in turn.
 */
package io.jdisco.worker.core.protocol.pipe;
