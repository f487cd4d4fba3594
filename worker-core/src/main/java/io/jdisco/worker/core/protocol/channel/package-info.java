/**
 * The two ends of one session on a pair of streams: the worker's {@code MasterChannel} (one
 * request at a time, reply timeouts) with its throttled {@code MSG} sender and the status streams
 * that {@code System.out} and {@code System.err} become, and {@code FakeMaster}, the master's end
 * scripted for tests.
 */
package io.jdisco.worker.core.protocol.channel;
