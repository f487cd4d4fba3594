package io.jdisco.worker.core.protocol.channel;

import io.jdisco.worker.core.protocol.ProtocolException;
import io.jdisco.worker.core.protocol.message.MasterMessage;

/** The master answered a request with a message that is not a reply to it, or sent one unasked. */
public final class UnexpectedReplyException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** {@code reply} came where the request {@code request} allows only {@code expected}. */
    public UnexpectedReplyException(String request, String expected, MasterMessage reply) {
        super("the master answered " + request + " with " + reply.name() + " " + reply.body() + "; expected "
                + expected);
    }
}
