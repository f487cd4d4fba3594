/**
 * The Disco worker protocol, version "1.1" (SPEC §2): frames, one type per message, the codec and
 * the channel to the master over the worker's stdin and stderr.
 */
package io.jdisco.worker.core.protocol;
