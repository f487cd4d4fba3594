/** Implementation of the master client: HTTP and error mapping, reply parsing, waiting. */
package io.jdisco.worker.core.client.internal;
