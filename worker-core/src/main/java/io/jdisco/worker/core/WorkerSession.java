package io.jdisco.worker.core;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.protocol.channel.MasterChannel;
import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.FailureMessage;
import io.jdisco.worker.core.protocol.message.WorkerHello;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One worker session over a {@link MasterChannel} (SPEC §2.7, Appendix C): {@code WORKER},
 * {@code TASK}, the job data from the job file, the worker's {@code start}, then {@code DONE}; or
 * {@code ERROR}/{@code FATAL} with the stack trace.
 *
 * <p>{@link io.jdisco.worker.DataException}, other {@link IOException}s, {@link UncheckedIOException}
 * and {@link OutOfMemoryError} become {@code ERROR} (the task is re-run); anything else becomes
 * {@code FATAL} (the job is killed), as in the reference worker. Pending status messages are sent
 * before the last message. Runs in-process as well as in {@link WorkerMain}: in-process it is given
 * the environment the worker would have had as a process, it leaves {@code System.out} and
 * {@code System.err} alone (prints are not turned into {@code MSG}s) and it never exits the JVM.
 * The job data's classes are resolved through the thread's context class loader.
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
    private final Map<String, String> environment;

    /**
     * A session over {@code channel} in this process's environment; {@code policy} says how inputs
     * treat exhausted replicas.
     */
    public WorkerSession(MasterChannel channel, InputErrPolicy policy) {
        this(channel, policy, System.getenv());
    }

    /**
     * A session over {@code channel} whose worker sees {@code environment} instead of the process
     * environment: for a worker run on a thread of another program (a master that runs workers in
     * process), which must see the jobenvs and not the Disco settings, as a worker process would.
     */
    public WorkerSession(MasterChannel channel, InputErrPolicy policy, Map<String, String> environment) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** Runs the session to its end; never throws. */
    public Outcome run() {
        WorkerMessage last;
        Outcome outcome;
        try {
            channel.hello(WorkerHello.ofThisProcess());
            Task task = channel.task().toTask();
            JobData data = JobData.read(Path.of(task.jobfile()));
            TaskContext context = TaskContext.over(channel, task, policy, environment);
            data.worker().start(task, data.job(), new java.util.LinkedHashMap<>(data.jobargs()), context);
            flushStatus();
            sendCounters(context.counters());
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
            last = retry ? FailureMessage.error(trace) : FailureMessage.fatal(trace);
            outcome = retry ? Outcome.ERROR : Outcome.FATAL;
        }
        try {
            channel.end(last);
        } catch (IOException | RuntimeException e) {
            // The master is gone or the session already ended: nobody is left to tell.
        }
        return outcome;
    }

    /**
     * Sends the task's counters as a {@code MSG} of their own, the last before {@code DONE}: the
     * queue was flushed just before, so the line is not merged with other status text.
     */
    private void sendCounters(TaskCounters counters) throws IOException {
        Optional<String> message = counters.message();
        if (message.isPresent()) {
            channel.messenger().post(message.get());
            channel.messenger().flush();
        }
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
