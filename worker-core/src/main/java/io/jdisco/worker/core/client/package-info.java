/**
 * The client of a Disco master's HTTP API (SPEC §11): {@link io.jdisco.worker.core.client.Disco}
 * submits job packs and follows jobs; the records here are the immutable values it returns.
 */
package io.jdisco.worker.core.client;
