/**
 * Disco's old netstring record format ({@code key_len key value_len value}) and its reader stage; implementation only, not an API.
 */
package io.jdisco.taskio.internal.netstr;
