/**
 * The classic Disco map/reduce worker (SPEC §5): {@link io.jdisco.worker.classic.ClassicWorker},
 * the {@link io.jdisco.worker.classic.ClassicJob} builder, partitioners, ready functions and
 * {@link io.jdisco.worker.classic.KeyGroups} ({@code kvgroup}).
 */
package io.jdisco.worker.classic;
