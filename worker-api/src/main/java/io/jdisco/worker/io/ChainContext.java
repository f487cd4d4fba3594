package io.jdisco.worker.io;

import io.jdisco.worker.Params;
import io.jdisco.worker.spi.SchemeContext;

/**
 * What a stream-chain stage may use besides its link: the task's parameters, the scheme
 * registry and task (through {@link SchemeContext}), and a way to report status.
 *
 * <p>Disco passes these to Python stages through function arguments and module globals; a Java
 * stage gets them here, explicitly.
 */
public interface ChainContext extends SchemeContext {
    /** The task's parameters (the task's own copy). */
    Params params();

    /**
     * Reports a status line to the master (a {@code MSG}, throttled by the worker). Outside a
     * task the text goes to the log.
     */
    void message(String text);
}
