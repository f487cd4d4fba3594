/**
 * The {@code jdisco} command line: the entry point {@link io.jdisco.cli.Main} of
 * {@code cli/target/jdisco.jar}, its argument parsing, console and plugins, the connection to a
 * master (an embedded one or Disco's), and {@code cat}, which reads inputs and results.
 */
package io.jdisco.cli;
