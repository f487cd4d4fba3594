/**
 * Line-based text readers: the bounded line scanner, text and byte line reader stages, and the
 * regex reader; implementation only, not an API.
 */
package io.jdisco.taskio.internal.text;
