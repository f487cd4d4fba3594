/**
 * Disco's old text format (SPEC §7.6, {@code "<len(k)> <k> <len(v)> <v>\n"}): the
 * {@code old_netstr_reader}, the plain writer, and Python's {@code str()} rendering of values that
 * the writer and {@code Netstrings} use; implementation only, not an API.
 */
package io.jdisco.taskio.internal.oldformat;
