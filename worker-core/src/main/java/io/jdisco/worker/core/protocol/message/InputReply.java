package io.jdisco.worker.core.protocol.message;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code INPUT [flag, [input...]]}: the master's answer to {@code INPUT} (SPEC §2.4.3).
 *
 * @param done {@code true} for flag {@code "done"} (the input set is complete), {@code false} for
 *     {@code "more"}
 * @param inputs the inputs
 */
public record InputReply(boolean done, List<InputEntry> inputs) implements MasterMessage {
    /** Copies the list. */
    public InputReply {
        inputs = List.copyOf(inputs);
    }

    @Override
    public String name() {
        return "INPUT";
    }

    @Override
    public Object body() {
        List<Object> list = new ArrayList<>();
        inputs.forEach(i -> list.add(i.toJson()));
        return List.of(done ? "done" : "more", list);
    }
}
