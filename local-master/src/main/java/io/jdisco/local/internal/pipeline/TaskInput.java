package io.jdisco.local.internal.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * One input of a task as {@code INPUT} replies describe it (SPEC §2.4.3): the label the task sees
 * (an {@link Integer} or {@code "all"}) and the replica URLs (rep ids are their positions).
 *
 * @param label the label
 * @param urls the replicas; empty for a dir input that lacks the task's label
 */
public record TaskInput(Object label, List<String> urls) {
    /** Checks and copies. */
    public TaskInput {
        Objects.requireNonNull(label, "label");
        urls = List.copyOf(urls);
    }
}
