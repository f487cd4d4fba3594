package io.jdisco.worker.core.input;

import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputReply;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code INPUT} loop (SPEC §8.1): asks {@code ["exclude", seen]} until the master says
 * {@code "done"}, handing out each input once, in the order the master lists them. Lazy: the next
 * request goes out only when the inputs received so far are used up, since the master blocks the
 * reply while it has nothing new. Single use.
 */
public final class InputListing {
    private final InputMaster master;
    private final Set<Integer> seen = new LinkedHashSet<>();
    private final ArrayDeque<IdedInput> ready = new ArrayDeque<>();
    private boolean done;

    /** A listing asking {@code master}. */
    public InputListing(InputMaster master) {
        this.master = Objects.requireNonNull(master, "master");
    }

    /** The next input, or {@code null} when the master said {@code "done"} and all were handed out. */
    public IdedInput next() throws IOException {
        while (ready.isEmpty() && !done) {
            InputReply reply = master.exclude(new ArrayList<>(seen));
            for (InputEntry e : reply.inputs()) {
                if (seen.add(e.id())) {
                    ready.add(IdedInput.of(e));
                }
            }
            done = reply.done();
        }
        return ready.poll();
    }

    /** Every remaining input (waits for the master's {@code "done"}). */
    public List<IdedInput> rest() throws IOException {
        List<IdedInput> out = new ArrayList<>();
        IdedInput i;
        while ((i = next()) != null) {
            out.add(i);
        }
        return out;
    }
}
