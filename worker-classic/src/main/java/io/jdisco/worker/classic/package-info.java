/**
 * The classic Disco map/reduce worker (SPEC §5): {@link io.jdisco.worker.classic.ClassicWorker},
 * the {@link io.jdisco.worker.classic.ClassicJob} builder, partitioners, ready functions and
 * {@link io.jdisco.worker.classic.KeyGroups} ({@code kvgroup}); for code that plays the master's
 * part or reads outputs as the worker does (the test kit), which stages a job runs
 * ({@link io.jdisco.worker.classic.ClassicStages}) and how the worker sees records
 * ({@link io.jdisco.worker.classic.ClassicRecords}).
 */
package io.jdisco.worker.classic;
