/**
 * The protocol's messages as values (SPEC §2.2): what a worker sends ({@code WorkerMessage}: one
 * record per message, {@code ERROR} and {@code FATAL} as one {@code FailureMessage} with a kind)
 * and what a master replies ({@code MasterMessage}), each with its frame name and JSON body.
 */
package io.jdisco.worker.core.protocol.message;
