/**
 * A job's stages and tasks as planned (SPEC §6.5): the plan taken from its job pack, the grouping
 * of one stage's outputs into the next stage's tasks, each task's inputs as {@code INPUT}
 * answers them, and the task index ({@code dir://}) files the master writes and reads.
 */
package io.jdisco.local.internal.pipeline;
