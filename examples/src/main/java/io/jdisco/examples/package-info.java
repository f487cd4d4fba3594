/**
 * The jobs a user reads to learn jdisco: word count ({@link io.jdisco.examples.WordCount}), grep,
 * a reduce-side join, a sort with a sampled range partition, and the README's word count on a
 * local master ({@link io.jdisco.examples.ReadmeExample}). The {@code jdisco} command line (module
 * {@code cli}) runs them on local inputs.
 */
package io.jdisco.examples;
