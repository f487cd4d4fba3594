package io.jdisco.testing;

import io.jdisco.worker.core.input.InputMaster;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The master's side of a task's inputs, in memory: a fixed list of inputs, all known at once
 * ({@code "done"}); {@code INPUT_ERR} is answered {@code FAIL}. Input {@code i} has id {@code i},
 * replica {@code j} of it id {@code j}.
 */
public final class InMemoryInputs implements InputMaster {
    private final List<InputEntry> entries = new ArrayList<>();

    /** A master serving {@code inputs}. */
    public InMemoryInputs(List<MasterInput> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        for (int i = 0; i < inputs.size(); i++) {
            MasterInput in = inputs.get(i);
            List<Replica> reps = new ArrayList<>();
            for (int j = 0; j < in.replicas().size(); j++) {
                reps.add(new Replica(j, in.replicas().get(j)));
            }
            entries.add(new InputEntry(i, "ok", in.label(), reps));
        }
    }

    /** The {@code INPUT} entries served. */
    public List<InputEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public InputReply exclude(List<Integer> ids) {
        List<InputEntry> out = new ArrayList<>();
        for (InputEntry e : entries) {
            if (!ids.contains(e.id())) {
                out.add(e);
            }
        }
        return new InputReply(true, out);
    }

    @Override
    public InputReply include(List<Integer> ids) {
        List<InputEntry> out = new ArrayList<>();
        for (InputEntry e : entries) {
            if (ids.contains(e.id())) {
                out.add(e);
            }
        }
        return new InputReply(true, out);
    }

    @Override
    public MasterMessage inputError(int id, List<Integer> failedReplicaIds) {
        return new FailReply();
    }
}
