package io.jdisco.local.internal.session;

import io.jdisco.local.internal.pipeline.StageOutput;
import io.jdisco.worker.index.IndexLine;
import java.util.List;
import java.util.Objects;

/** How one attempt of a task ended. */
public sealed interface AttemptOutcome {
    /**
     * {@code DONE}: the task's outputs (SPEC §2.4.7) and its local output lines.
     *
     * @param outputs the dir output (if any local output) then the remote outputs, newest first
     * @param localOutputs the index lines of the local outputs, in order
     */
    record Done(List<StageOutput> outputs, List<IndexLine> localOutputs) implements AttemptOutcome {
        /** Copies the lists. */
        public Done {
            outputs = List.copyOf(outputs);
            localOutputs = List.copyOf(localOutputs);
        }
    }

    /**
     * A failure: {@code ERROR}, a crash, a protocol error or a timeout (retryable), or
     * {@code FATAL} and its equivalents (the job dies).
     *
     * @param fatal true when the job must die
     * @param text what happened
     * @param reported true when the worker itself said {@code ERROR} with {@code text}: the one
     *     kind of failure the master compares between attempts (a worker that fails twice in a row
     *     with the same error fails deterministically); false for crashes, timeouts and the
     *     master's own verdicts
     */
    record Failed(boolean fatal, String text, boolean reported) implements AttemptOutcome {
        /** Checks the text. */
        public Failed {
            Objects.requireNonNull(text, "text");
        }

        /** A failure the master observed (not a worker's {@code ERROR}). */
        public Failed(boolean fatal, String text) {
            this(fatal, text, false);
        }
    }

    /** The attempt was stopped because its job was killed or the master closed. */
    record Stopped(String reason) implements AttemptOutcome {
    }
}
