/**
 * The URL scheme SPI: {@link io.jdisco.worker.spi.SchemeProvider}s found with
 * {@link java.util.ServiceLoader}, one jar per scheme.
 */
package io.jdisco.worker.spi;
