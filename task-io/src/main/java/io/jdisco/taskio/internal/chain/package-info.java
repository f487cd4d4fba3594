/**
 * The readers and writers a chain hands out, and the stage that opens an input through its scheme; implementation of {@code io.jdisco.taskio}, not an API.
 */
package io.jdisco.taskio.internal.chain;
