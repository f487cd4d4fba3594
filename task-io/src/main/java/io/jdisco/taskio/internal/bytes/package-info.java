/**
 * Byte buffers shared by the formats: a growable output buffer and an input cursor that knows its offset, so readers name where a problem is; implementation only, not an API.
 */
package io.jdisco.taskio.internal.bytes;
