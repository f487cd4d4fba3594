/**
 * The job's functions as the stages call them: every form a map or reduce may take (classic,
 * emitting, typed with a task context) adapted to one call, and records turned into pairs. Not an API.
 */
package io.jdisco.worker.classic.internal.function;
