/**
 * A job's stages and what flows between them (SPEC §6.5): the plan taken from its job pack,
 * the grouping of one stage's outputs into the next stage's tasks, and the task index
 * ({@code dir://}) files the master writes and reads.
 */
package io.jdisco.local.internal.pipeline;
