package io.jdisco.worker.core.protocol.message;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code RETRY [[rep_id, url]...]}: the replicas of a failed input not yet given up on (SPEC
 * §2.4.4; masters after the 0.5.4 tag).
 *
 * @param replicas the remaining copies
 */
public record RetryReply(List<Replica> replicas) implements MasterMessage {
    /** Copies the list. */
    public RetryReply {
        replicas = List.copyOf(replicas);
    }

    @Override
    public String name() {
        return "RETRY";
    }

    @Override
    public Object body() {
        List<Object> list = new ArrayList<>();
        replicas.forEach(r -> list.add(r.toJson()));
        return list;
    }
}
