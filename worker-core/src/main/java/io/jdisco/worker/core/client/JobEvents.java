package io.jdisco.worker.core.client;

import java.util.List;
import java.util.Objects;

/**
 * A page of a job's event log: the complete lines found from the requested byte offset on, and
 * the offset to ask for next. A line the master is still writing is left for the next page.
 *
 * @param events the events, oldest first, immutable
 * @param nextOffset the byte offset just after the last complete line read
 */
public record JobEvents(List<JobEvent> events, long nextOffset) {
    /** Copies {@code events} and checks the offset. */
    public JobEvents {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        if (nextOffset < 0) {
            throw new IllegalArgumentException("negative offset " + nextOffset);
        }
    }
}
