package io.jdisco.worker.core;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.RecordInput;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.Output;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.core.output.TaskOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.Objects;

/**
 * The node half of a {@link Worker}: one task running, with the {@link TaskContext} that talks to
 * the master, and the task's outputs. {@link Worker#start}
 * makes one and hands it the worker's {@code run}; the worker's {@code input}, {@code output},
 * {@code status} and {@code count} come here. It knows nothing of the worker, only the body it
 * is given, so the job-building half of the worker and this task-running half do not need each
 * other.
 */
public final class TaskRun {
    /** The work of the task: the worker's {@code run}. */
    @FunctionalInterface
    public interface Body {
        /** Does the task's work. */
        void run() throws Exception;
    }

    private final Task task;
    private final TaskContext context;
    private TaskOutputs outputs;

    /** The run of {@code task}, talking to the master through {@code context}. */
    public TaskRun(Task task, TaskContext context) {
        this.task = Objects.requireNonNull(task, "task");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The context the task talks to the master through. */
    public TaskContext context() {
        return context;
    }

    /**
     * Creates the task directory and runs {@code body} with outputs opened by {@code opener}, then
     * closes and announces the outputs. On failure the task's partial outputs are deleted and the
     * exception propagates.
     */
    public void execute(OutputOpener opener, Body body) throws Exception {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(body, "body");
        this.outputs = new TaskOutputs(task, opener);
        Files.createDirectories(task.jobHome().resolve(task.taskpath()));
        try {
            body.run();
            outputs.send(context.reporter());
        } catch (Throwable t) {
            try {
                outputs.discard();
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }

    /** The records of all the task's inputs opened by {@code opener}; merged by {@code order} if {@code merged}. */
    public <R> RecordInput<R> input(boolean merged, RecordOpener<R> opener, Comparator<? super R> order) {
        return merged ? context.inputs().merged(opener, order) : context.inputs().serial(opener);
    }

    /**
     * The output for {@code label} ({@code null}: the unlabelled output), opened on first use.
     *
     * @throws IllegalStateException before {@link #execute}
     */
    public Output output(Integer label) throws IOException {
        return outputs().output(label);
    }

    /**
     * A further output of {@code label} ({@link TaskOutputs#another}).
     *
     * @throws IllegalStateException before {@link #execute}
     */
    public Output another(int label) throws IOException {
        return outputs().another(label);
    }

    private TaskOutputs outputs() {
        if (outputs == null) {
            throw new IllegalStateException("outputs open only while the task runs");
        }
        return outputs;
    }
}
