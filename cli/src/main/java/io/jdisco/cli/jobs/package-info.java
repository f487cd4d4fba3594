/**
 * The commands that run the examples' jobs on local inputs ({@code wordcount}, {@code grep},
 * {@code join}, {@code sort}) and what they share: turning arguments into inputs, choosing the
 * workers, watching and reporting a run, and sorting or merging the results they print.
 */
package io.jdisco.cli.jobs;
