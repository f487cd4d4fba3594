package io.jdisco.worker.core.protocol.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code INPUT}: asks for inputs (SPEC §2.4.3): all ({@code ""}), all but some
 * ({@code ["exclude", [ids]]}) or only some ({@code ["include", [ids]]}).
 *
 * @param mode which inputs
 * @param ids the ids excluded or included; empty for {@link Mode#ALL}
 */
public record InputRequest(Mode mode, List<Integer> ids) implements WorkerMessage {
    /** Which inputs an {@code INPUT} request asks for. */
    public enum Mode {
        /** Every input: body {@code ""}. */
        ALL,
        /** Every input but the listed ones. */
        EXCLUDE,
        /** Only the listed ones (a replica refresh). */
        INCLUDE
    }

    /** Checks and copies the fields. */
    public InputRequest {
        Objects.requireNonNull(mode, "mode");
        ids = List.copyOf(ids);
        if (mode == Mode.ALL && !ids.isEmpty()) {
            throw new IllegalArgumentException("an INPUT request for all inputs takes no ids, got " + ids);
        }
    }

    /** {@code ["exclude", ids]}. */
    public static InputRequest exclude(List<Integer> ids) {
        return new InputRequest(Mode.EXCLUDE, ids);
    }

    /** {@code ["include", ids]}. */
    public static InputRequest include(List<Integer> ids) {
        return new InputRequest(Mode.INCLUDE, ids);
    }

    @Override
    public String name() {
        return "INPUT";
    }

    @Override
    public Object body() {
        if (mode == Mode.ALL) {
            return "";
        }
        return List.of(mode == Mode.EXCLUDE ? "exclude" : "include", ids);
    }
}
