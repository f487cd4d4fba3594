/**
 * Stream chains (SPEC §7.1): an input chain is a list of {@link io.jdisco.worker.io.InputStage}s
 * ending in a {@link io.jdisco.worker.io.ReaderStage}; an output chain a list of
 * {@link io.jdisco.worker.io.OutputStage}s ending in a {@link io.jdisco.worker.io.WriterStage}.
 */
package io.jdisco.worker.io;
