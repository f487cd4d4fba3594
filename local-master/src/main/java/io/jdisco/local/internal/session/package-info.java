/**
 * The master's side of the worker protocol (SPEC §2): one session per task attempt, the
 * handling of each worker message, and the {@code MSG} rate limit.
 */
package io.jdisco.local.internal.session;
