package io.jdisco.worker.core.protocol.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a {@link MasterChannel}: the reply timeout and the {@code MSG} throttle.
 *
 * @param replyTimeout how long to wait for a reply (never applied to {@code INPUT}, which the master
 *     may legitimately hold back; SPEC §2.4.3); the documentation's 600 s by default
 * @param msgWindow the rolling window of the {@code MSG} throttle; the master counts one second, we
 *     keep a margin for pipe delays
 * @param msgsPerWindow how many {@code MSG}s may start within one window; the master delays
 *     replies above 5 and kills the job at 10 (SPEC §2.6)
 * @param maxMsgChars the largest text one coalesced {@code MSG} carries; the rest goes in the next
 */
public record ChannelOptions(Duration replyTimeout, Duration msgWindow, int msgsPerWindow, int maxMsgChars) {
    /** Checks the values. */
    public ChannelOptions {
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(msgWindow, "msgWindow");
        if (replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("replyTimeout must be positive, got " + replyTimeout);
        }
        if (msgsPerWindow < 1 || msgsPerWindow > 5) {
            throw new IllegalArgumentException("msgsPerWindow must be 1..5 to stay under the master's limit, got "
                    + msgsPerWindow);
        }
        if (msgWindow.toMillis() < 1000) {
            throw new IllegalArgumentException("msgWindow must be at least the master's 1 s, got " + msgWindow);
        }
        if (maxMsgChars < 1) {
            throw new IllegalArgumentException("maxMsgChars must be positive, got " + maxMsgChars);
        }
    }

    /** 600 s reply timeout; at most 5 {@code MSG}s per 1.1 s; at most 1 Mi characters per {@code MSG}. */
    public static ChannelOptions defaults() {
        return new ChannelOptions(Duration.ofSeconds(600), Duration.ofMillis(1100), 5, 1 << 20);
    }

    /** These options with another reply timeout. */
    public ChannelOptions withReplyTimeout(Duration timeout) {
        return new ChannelOptions(timeout, msgWindow, msgsPerWindow, maxMsgChars);
    }
}
