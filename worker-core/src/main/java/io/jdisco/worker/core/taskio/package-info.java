/**
 * The default task I/O of a worker: inputs and outputs through task-io's stream chains, with a
 * {@link io.jdisco.worker.io.ChainContext} bound to the running task.
 */
package io.jdisco.worker.core.taskio;
