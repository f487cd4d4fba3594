/**
 * The classic worker's parameters (SPEC §5.1) as the stages read them: their defaults, a typed
 * view that names a parameter of the wrong type, and Python's truth test for the flags. Not an API.
 */
package io.jdisco.worker.classic.internal.settings;
