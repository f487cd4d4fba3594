package io.jdisco.testing;

import java.util.List;
import java.util.Objects;

/**
 * One input a fake master hands a task: its label ({@link Integer} or {@code "all"}) and its
 * replica URLs, in preference order.
 *
 * @param label the input's label
 * @param replicas the replica URLs
 */
public record MasterInput(Object label, List<String> replicas) {
    /** Checks and copies the fields. */
    public MasterInput {
        Objects.requireNonNull(label, "label");
        if (!(label instanceof Integer) && !"all".equals(label)) {
            throw new IllegalArgumentException("an input label is an integer or \"all\", got " + label);
        }
        replicas = List.copyOf(replicas);
    }

    /** An input with label 0 and these replicas. */
    public static MasterInput of(String... replicas) {
        return new MasterInput(0, List.of(replicas));
    }
}
