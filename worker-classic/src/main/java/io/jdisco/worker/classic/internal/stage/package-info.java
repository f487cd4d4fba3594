/**
 * The classic stages (SPEC §5.5-§5.9): the map task with its partitioning, the shuffle task that
 * concatenates outputs, the reduce task, and {@link io.jdisco.worker.classic.internal.stage.TaskRuntime},
 * what they need of the running worker. Not an API.
 */
package io.jdisco.worker.classic.internal.stage;
