package io.jdisco.worker.core.protocol.channel;

import io.jdisco.worker.core.protocol.ProtocolException;
import java.time.Duration;

/** The master did not answer a request within the reply timeout. */
public final class ReplyTimeoutException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** No reply to {@code request} within {@code timeout}. */
    public ReplyTimeoutException(String request, Duration timeout) {
        super("no reply from the master to " + request + " within " + timeout.toMillis() + " ms");
    }
}
