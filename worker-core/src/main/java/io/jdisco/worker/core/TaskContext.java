package io.jdisco.worker.core;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.input.InputMaster;
import io.jdisco.worker.core.input.LocalReplicas;
import io.jdisco.worker.core.input.TaskInputs;
import io.jdisco.worker.core.output.OutputReporter;
import io.jdisco.worker.core.protocol.MasterChannel;
import io.jdisco.worker.core.protocol.OutputMessage;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a running {@link Worker} uses to talk to the master: its inputs, the reporter of its outputs
 * and the status line sender. Made from a {@link MasterChannel} by {@link #over}; tests may build one
 * from fakes.
 */
public final class TaskContext {
    private final TaskInputs inputs;
    private final OutputReporter reporter;
    private final Consumer<String> status;

    /** A context from its parts. */
    public TaskContext(TaskInputs inputs, OutputReporter reporter, Consumer<String> status) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The context of {@code task} talking over {@code channel}, with {@code policy} for exhausted replicas. */
    public static TaskContext over(MasterChannel channel, Task task, InputErrPolicy policy) {
        Objects.requireNonNull(channel, "channel");
        TaskInputs inputs = new TaskInputs(InputMaster.over(channel), LocalReplicas.existing(task), policy);
        OutputReporter reporter = new OutputReporter() {
            @Override
            public void output(int label, String location, long size) throws IOException {
                channel.messenger().flush();
                channel.output(new OutputMessage(label, location, size));
            }

            @Override
            public void status(String text) throws IOException {
                channel.messenger().post(text);
                channel.messenger().flush();
            }
        };
        return new TaskContext(inputs, reporter, channel.messenger()::post);
    }

    /** The task's inputs. */
    public TaskInputs inputs() {
        return inputs;
    }

    /** Where finished outputs are announced. */
    public OutputReporter reporter() {
        return reporter;
    }

    /** Sends a status line ({@code MSG}, throttled); returns at once. */
    public void status(String text) {
        status.accept(Objects.requireNonNull(text, "text"));
    }
}
