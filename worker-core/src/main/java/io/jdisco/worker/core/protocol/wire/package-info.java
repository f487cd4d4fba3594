/**
 * The protocol on the wire (SPEC §2.1, §2.2): a {@code Frame} ({@code <name> SP <length> SP <body>
 * LF}), the master's parser rules ({@code FrameParser}, {@code FrameReader}), the
 * {@code MessageCodec} between frames and messages, and the errors of bad frames and bodies.
 */
package io.jdisco.worker.core.protocol.wire;
