package io.jdisco.worker.core.input;

import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.RetryReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory master for inputs, answering as the post-0.5.4 master does, recording every request. */
final class ScriptedMaster implements InputMaster {
    final Map<Integer, List<Replica>> inputs = new LinkedHashMap<>();
    final List<String> requests = new ArrayList<>();
    boolean failOnInputErr;

    ScriptedMaster input(int id, Replica... replicas) {
        inputs.put(id, List.of(replicas));
        return this;
    }

    @Override
    public InputReply exclude(List<Integer> ids) {
        requests.add("exclude " + ids);
        List<InputEntry> out = new ArrayList<>();
        inputs.forEach((id, reps) -> {
            if (!ids.contains(id)) {
                out.add(new InputEntry(id, "ok", 0, reps));
            }
        });
        return new InputReply(true, out);
    }

    @Override
    public InputReply include(List<Integer> ids) {
        requests.add("include " + ids);
        List<InputEntry> out = new ArrayList<>();
        for (int id : ids) {
            out.add(new InputEntry(id, "ok", 0, inputs.getOrDefault(id, List.of())));
        }
        return new InputReply(true, out);
    }

    @Override
    public MasterMessage inputError(int id, List<Integer> failed) {
        requests.add("input_err " + id + " " + failed);
        List<Replica> left = new ArrayList<>();
        for (Replica r : inputs.get(id)) {
            if (!failed.contains(r.id())) {
                left.add(r);
            }
        }
        return left.isEmpty() || failOnInputErr ? new FailReply() : new RetryReply(left);
    }
}
