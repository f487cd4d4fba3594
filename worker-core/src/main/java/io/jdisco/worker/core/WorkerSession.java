package io.jdisco.worker.core;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.protocol.DoneMessage;
import io.jdisco.worker.core.protocol.ErrorMessage;
import io.jdisco.worker.core.protocol.FatalMessage;
import io.jdisco.worker.core.protocol.MasterChannel;
import io.jdisco.worker.core.protocol.WorkerHello;
import io.jdisco.worker.core.protocol.WorkerMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One worker session over a {@link MasterChannel} (SPEC §2.7, Appendix C): {@code WORKER},
 * {@code TASK}, the job data from the job file, the worker's {@code start}, then {@code DONE}; or
 * {@code ERROR}/{@code FATAL} with the stack trace.
 *
 * <p>{@link io.jdisco.worker.DataException}, other {@link IOException}s, {@link UncheckedIOException}
 * and {@link OutOfMemoryError} become {@code ERROR} (the task is re-run); anything else becomes
 * {@code FATAL} (the job is killed), as in the reference worker. Pending status messages are sent
 * before the last message. Runs in-process as well as in {@link WorkerMain}.
 */
public final class WorkerSession {
    /** How a session ended. */
    public enum Outcome {
        /** {@code DONE} was sent. */
        DONE,
        /** {@code ERROR} was sent. */
        ERROR,
        /** {@code FATAL} was sent. */
        FATAL
    }

    private final MasterChannel channel;
    private final InputErrPolicy policy;

    /** A session over {@code channel}; {@code policy} says how inputs treat exhausted replicas. */
    public WorkerSession(MasterChannel channel, InputErrPolicy policy) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Runs the session to its end; never throws. */
    public Outcome run() {
        WorkerMessage last;
        Outcome outcome;
        try {
            channel.hello(WorkerHello.ofThisProcess());
            Task task = channel.task().toTask();
            JobData data = JobData.read(Path.of(task.jobfile()));
            data.worker().start(task, data.job(), new java.util.LinkedHashMap<>(data.jobargs()),
                    TaskContext.over(channel, task, policy));
            flushStatus();
            last = new DoneMessage();
            outcome = Outcome.DONE;
        } catch (Throwable t) {
            boolean retry = isRetryable(t);
            String trace = stackTrace(t);
            try {
                flushStatus();
            } catch (IOException | RuntimeException e) {
                trace += "\n(status messages could not be sent: " + e + ")";
            }
            last = retry ? new ErrorMessage(trace) : new FatalMessage(trace);
            outcome = retry ? Outcome.ERROR : Outcome.FATAL;
        }
        try {
            channel.end(last);
        } catch (IOException | RuntimeException e) {
            // The master is gone or the session already ended: nobody is left to tell.
        }
        return outcome;
    }

    private void flushStatus() throws IOException {
        System.out.flush();
        System.err.flush();
        channel.messenger().flush();
    }

    /** True for the failures a re-run may cure: data and I/O errors, out of memory. */
    public static boolean isRetryable(Throwable t) {
        return t instanceof IOException || t instanceof UncheckedIOException || t instanceof OutOfMemoryError;
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
