package io.jdisco.worker.core;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.input.InputMaster;
import io.jdisco.worker.core.input.LocalReplicas;
import io.jdisco.worker.core.input.TaskInputs;
import io.jdisco.worker.core.output.OutputReporter;
import io.jdisco.worker.core.protocol.channel.MasterChannel;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a running {@link Worker} uses to talk to the master: its inputs, the reporter of its outputs,
 * the status line sender, and the environment the worker runs in. Made from a {@link MasterChannel}
 * by {@link #over}; tests may build one from fakes.
 *
 * <p>The environment is the process environment in a worker process ({@link WorkerMain}); a worker
 * run on a thread of the master's JVM gets the environment the master would have given a process
 * (its own minus the Disco settings, plus the jobenvs), since it cannot have its own.
 */
public final class TaskContext {
    private final TaskInputs inputs;
    private final OutputReporter reporter;
    private final Consumer<String> status;
    private final Map<String, String> environment;
    private final TaskCounters counters = new TaskCounters();

    /** A context from its parts, in this process's environment ({@link System#getenv()}). */
    public TaskContext(TaskInputs inputs, OutputReporter reporter, Consumer<String> status) {
        this(inputs, reporter, status, System.getenv());
    }

    /** A context from its parts, with {@code environment} as the worker's environment. */
    public TaskContext(TaskInputs inputs, OutputReporter reporter, Consumer<String> status,
            Map<String, String> environment) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.status = Objects.requireNonNull(status, "status");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** The context of {@code task} talking over {@code channel}, with {@code policy} for exhausted replicas. */
    public static TaskContext over(MasterChannel channel, Task task, InputErrPolicy policy) {
        return over(channel, task, policy, System.getenv());
    }

    /**
     * The context of {@code task} talking over {@code channel}, with {@code policy} for exhausted
     * replicas and {@code environment} as the worker's environment.
     */
    public static TaskContext over(MasterChannel channel, Task task, InputErrPolicy policy,
            Map<String, String> environment) {
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
        return new TaskContext(inputs, reporter, channel.messenger()::post, environment);
    }

    /** The task's counters, sent to the master before {@code DONE} when the task used any. */
    public TaskCounters counters() {
        return counters;
    }

    /** The task's inputs. */
    public TaskInputs inputs() {
        return inputs;
    }

    /** Where finished outputs are announced. */
    public OutputReporter reporter() {
        return reporter;
    }

    /**
     * The worker's environment (read-only): what scheme settings fall back to. Use it rather than
     * {@link System#getenv()}, which an in-process worker shares with the master.
     */
    public Map<String, String> environment() {
        return environment;
    }

    /** Sends a status line ({@code MSG}, throttled); returns at once. */
    public void status(String text) {
        status.accept(Objects.requireNonNull(text, "text"));
    }
}
