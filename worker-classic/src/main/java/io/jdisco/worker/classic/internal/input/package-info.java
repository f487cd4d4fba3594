/**
 * A classic job's inputs: the client's input list and {@code nr_reduces} (SPEC §5.3), and on
 * the node the reading of {@code dir://} index inputs by label (SPEC §5.9). Not an API.
 */
package io.jdisco.worker.classic.internal.input;
