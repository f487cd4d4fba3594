package io.jdisco.testing;

import io.jdisco.worker.core.WorkerSession;
import io.jdisco.worker.core.protocol.message.FailureMessage;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.StatusMessage;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a worker said to the master during one task run by {@link TaskHarness}: every message in
 * order (as decoded from the real protocol bytes), and how the session ended.
 */
public final class Transcript {
    private final WorkerSession.Outcome outcome;
    private final List<WorkerMessage> messages;
    private final Path jobHome;

    Transcript(WorkerSession.Outcome outcome, List<WorkerMessage> messages, Path jobHome) {
        this.outcome = outcome;
        this.messages = List.copyOf(messages);
        this.jobHome = jobHome;
    }

    /** {@code DONE}, {@code ERROR} or {@code FATAL}. */
    public WorkerSession.Outcome outcome() {
        return outcome;
    }

    /** Every message the worker sent, in order. */
    public List<WorkerMessage> messages() {
        return messages;
    }

    /** The names of the messages, e.g. {@code [WORKER, TASK, INPUT, ..., DONE]}. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.name()));
        return out;
    }

    /** The texts of the {@code MSG}s. */
    public List<String> statuses() {
        List<String> out = new ArrayList<>();
        for (WorkerMessage m : messages) {
            if (m instanceof StatusMessage) {
                out.add(((StatusMessage) m).text());
            }
        }
        return out;
    }

    /** The {@code OUTPUT}s. */
    public List<OutputMessage> outputs() {
        List<OutputMessage> out = new ArrayList<>();
        for (WorkerMessage m : messages) {
            if (m instanceof OutputMessage) {
                out.add((OutputMessage) m);
            }
        }
        return out;
    }

    /** The local file of an {@code OUTPUT}. */
    public Path file(OutputMessage o) {
        return jobHome.resolve(o.location());
    }

    /** The text of the final {@code ERROR} or {@code FATAL} (a stack trace), or {@code ""} after {@code DONE}. */
    public String failure() {
        WorkerMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last instanceof FailureMessage failed) {
            return failed.text();
        }
        return "";
    }

    @Override
    public String toString() {
        return "Transcript[" + outcome + ", " + names() + "]";
    }
}
