/**
 * Files the master writes and how: a job's event log, files written whole or not at all (with or
 * without forcing them to the disk), and the sweep of the {@code .partial} files a killed worker
 * leaves.
 */
package io.jdisco.local.internal.files;
