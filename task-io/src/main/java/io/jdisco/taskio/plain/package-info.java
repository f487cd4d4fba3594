/**
 * Stages and copies that move bytes as they are, outside Disco's record formats: an input in raw
 * blocks, compressed text detected by its magic bytes, records written as text lines, and results
 * on this machine copied by the kernel.
 */
package io.jdisco.taskio.plain;
