/**
 * The Disco worker protocol, version "1.1" (SPEC §2), one family a package:
 * {@link io.jdisco.worker.core.protocol.message} (one type per message),
 * {@link io.jdisco.worker.core.protocol.wire} (frames and the codec between frames and messages),
 * {@link io.jdisco.worker.core.protocol.channel} (the worker's channel to the master over its stdin
 * and stderr, its {@code MSG} throttle and status streams, and a scripted master for tests) and
 * {@link io.jdisco.worker.core.protocol.pipe} (in-memory pipes for sessions without an OS pipe).
 * Here lives only their common error, {@link io.jdisco.worker.core.protocol.ProtocolException}.
 */
package io.jdisco.worker.core.protocol;
