package io.jdisco.worker.core.protocol.wire;

import io.jdisco.worker.core.protocol.ProtocolException;

/** A frame whose name is not a message of the protocol in that direction. */
public final class UnknownMessageException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final String messageName;

    /** An unknown {@code name} received from {@code sender} ("master" or "worker"). */
    public UnknownMessageException(String name, String sender, java.util.Collection<String> known) {
        super("unknown message '" + name + "' from the " + sender + "; known messages are " + known);
        this.messageName = name;
    }

    /** The name that was not recognised. */
    public String messageName() {
        return messageName;
    }
}
