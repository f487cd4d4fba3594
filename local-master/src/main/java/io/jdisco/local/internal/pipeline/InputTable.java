package io.jdisco.local.internal.pipeline;

import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.RetryReply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A task's inputs as the master answers {@code INPUT} and {@code INPUT_ERR} about them
 * (SPEC §2.4.3, §2.4.4). Input ids are positions in the task's input list, replica ids positions
 * in an input's URL list. Replica failures are remembered for the task, across its attempts.
 *
 * <pre>
 *   INPUT ""                    -&gt; INPUT ["done", [[id, "ok", label, [[rep_id, url], ...]], ...]]  (all)
 *   INPUT ["exclude", [ids]]    -&gt; the inputs not listed
 *   INPUT ["include", [ids]]    -&gt; the listed ones; an unknown id gives [id, "ok", 0, []]
 *   INPUT_ERR [id, [rep_ids]]   -&gt; RETRY [[rep_id, url], ...] with the others, or FAIL ""
 * </pre>
 *
 * Replica order: never-failed replicas first by rep id, then failed ones, oldest failure first.
 * Local stages are never concurrent, so the input set is always complete: the flag is "done".
 * Thread-safe.
 */
public final class InputTable {
    private final List<TaskInput> inputs;
    private final Map<Long, Long> failedAt = new HashMap<>();
    private long clock;

    /** The table of {@code inputs}. */
    public InputTable(List<TaskInput> inputs) {
        this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }

    /** The inputs. */
    public List<TaskInput> inputs() {
        return inputs;
    }

    /** The reply to an {@code INPUT} request. */
    public synchronized InputReply reply(InputRequest request) {
        List<InputEntry> entries = new ArrayList<>();
        switch (request.mode()) {
            case ALL:
                for (int id = 0; id < inputs.size(); id++) {
                    entries.add(entry(id));
                }
                break;
            case EXCLUDE: {
                Set<Integer> excluded = new HashSet<>(request.ids());
                for (int id = 0; id < inputs.size(); id++) {
                    if (!excluded.contains(id)) {
                        entries.add(entry(id));
                    }
                }
                break;
            }
            default:
                for (int id : request.ids()) {
                    entries.add(id >= 0 && id < inputs.size() ? entry(id) : new InputEntry(id, "ok", 0, List.of()));
                }
                break;
        }
        return new InputReply(true, entries);
    }

    /**
     * The reply to {@code INPUT_ERR}: stamps the listed replicas as failed now, then offers the
     * input's replicas minus those listed in this message.
     */
    public synchronized MasterMessage inputError(InputErrRequest request) {
        int id = request.inputId();
        if (id < 0 || id >= inputs.size()) {
            return new FailReply();
        }
        Set<Integer> given = new HashSet<>(request.replicaIds());
        for (int rep : given) {
            if (rep >= 0 && rep < inputs.get(id).urls().size()) {
                failedAt.put(key(id, rep), ++clock);
            }
        }
        List<Replica> rest = new ArrayList<>();
        for (Replica r : replicas(id)) {
            if (!given.contains(r.id())) {
                rest.add(r);
            }
        }
        return rest.isEmpty() ? new FailReply() : new RetryReply(rest);
    }

    private InputEntry entry(int id) {
        return new InputEntry(id, "ok", inputs.get(id).label(), replicas(id));
    }

    private List<Replica> replicas(int id) {
        List<String> urls = inputs.get(id).urls();
        List<Replica> out = new ArrayList<>(urls.size());
        for (int rep = 0; rep < urls.size(); rep++) {
            out.add(new Replica(rep, urls.get(rep)));
        }
        out.sort(Comparator.comparingLong((Replica r) -> failedAt.getOrDefault(key(id, r.id()), 0L))
                .thenComparingInt(Replica::id));
        return out;
    }

    private static long key(int input, int replica) {
        return ((long) input << 32) | (replica & 0xffffffffL);
    }
}
