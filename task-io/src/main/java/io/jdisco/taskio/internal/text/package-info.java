/**
 * Text record formats: line and regex readers, the plain text writer and Python's {@code str()} rendering of values; implementation only, not an API.
 */
package io.jdisco.taskio.internal.text;
