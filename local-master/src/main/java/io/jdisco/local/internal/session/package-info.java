/**
 * The master's side of the worker protocol (SPEC §2): one session per task attempt, the
 * handling of each worker message, the {@code MSG} rate limit, and how an attempt ended.
 */
package io.jdisco.local.internal.session;
