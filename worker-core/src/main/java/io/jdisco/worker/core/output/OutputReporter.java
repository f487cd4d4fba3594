package io.jdisco.worker.core.output;

import java.io.IOException;

/** Announces finished outputs and status texts to the master. */
public interface OutputReporter {
    /** Sends {@code OUTPUT [label, location, size]} and waits for {@code OK}. */
    void output(int label, String location, long size) throws IOException;

    /** Sends a status text (throttled) and waits until it went out. */
    void status(String text) throws IOException;
}
