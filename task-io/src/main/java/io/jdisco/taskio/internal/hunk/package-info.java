/**
 * Disco's internal format (SPEC §7.4): hunk reading and writing, fetching with read-ahead on spare cores, and the reader and writer stages; implementation only, not an API.
 */
package io.jdisco.taskio.internal.hunk;
