/**
 * Starting the workers of a job and ending them: a process per task, reused processes, or
 * threads of the master's JVM, each behind one handle a session treats alike.
 */
package io.jdisco.local.internal.workers;
