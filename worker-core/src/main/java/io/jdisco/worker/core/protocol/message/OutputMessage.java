package io.jdisco.worker.core.protocol.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code OUTPUT [label, location, size]}: a finished output (SPEC §2.4.6). A local location is a
 * path relative to the job home.
 *
 * @param label the output's label, &gt;= 0
 * @param location a relative path or a URL
 * @param size the file size in bytes
 */
public record OutputMessage(int label, String location, long size) implements WorkerMessage {
    /** Checks the fields. */
    public OutputMessage {
        Objects.requireNonNull(location, "location");
        if (label < 0 || size < 0) {
            throw new IllegalArgumentException("OUTPUT label and size must be >= 0, got " + label + " and " + size);
        }
    }

    @Override
    public String name() {
        return "OUTPUT";
    }

    @Override
    public Object body() {
        return List.of(label, location, size);
    }
}
