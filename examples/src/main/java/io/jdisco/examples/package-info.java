/**
 * Runnable jdisco jobs (word count, grep, a reduce-side join) and the {@code jdisco} command line
 * that runs them, reads results ({@code cat}), runs a local master and manages jobs.
 * {@link io.jdisco.examples.Main} is the entry point of {@code examples/target/jdisco-examples.jar}.
 */
package io.jdisco.examples;
