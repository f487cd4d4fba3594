/**
 * What the master keeps on disk for its jobs and how: each job's record ({@code job.json}) and
 * event log, files written whole or not at all, and the sweep of the {@code .partial} files a
 * killed worker leaves.
 */
package io.jdisco.local.internal.store;
