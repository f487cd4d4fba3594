/**
 * Atomic task output files ({@code .partial}, renamed on close) and the stage that opens them; implementation only, not an API.
 */
package io.jdisco.taskio.internal.file;
