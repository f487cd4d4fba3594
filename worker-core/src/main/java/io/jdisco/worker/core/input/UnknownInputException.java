package io.jdisco.worker.core.input;

import io.jdisco.worker.core.protocol.ProtocolException;
import java.util.List;

/** The master answered {@code INPUT ["include", ids]} with other inputs than the ones asked for. */
public final class UnknownInputException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** Asked for {@code asked}, got {@code got}. */
    public UnknownInputException(List<Integer> asked, List<Integer> got) {
        super("INPUT reply lists input ids " + got + " but the worker asked for " + asked);
    }
}
