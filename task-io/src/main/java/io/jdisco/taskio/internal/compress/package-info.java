/**
 * Decompression of task inputs: format detection (magic bytes first), the decompress stage, and guards that count and bound what a decompressor reads; implementation only, not an API.
 */
package io.jdisco.taskio.internal.compress;
