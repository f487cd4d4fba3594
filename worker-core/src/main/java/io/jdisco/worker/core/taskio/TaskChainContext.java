package io.jdisco.worker.core.taskio;

import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.spi.SchemeResolver;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link ChainContext} of one running task: the task, its own {@link Params}, the scheme
 * registry, the job's string settings and the task's status line. Stream stages and scheme
 * handlers opened for the task see exactly these. Immutable.
 */
public final class TaskChainContext implements ChainContext {
    private final BasicSchemeContext schemes;
    private final Params params;
    private final Consumer<String> status;

    private TaskChainContext(BasicSchemeContext schemes, Params params, Consumer<String> status) {
        this.schemes = schemes;
        this.params = params;
        this.status = status;
    }

    /**
     * The context of {@code task}: URLs open through {@code resolver}; a setting is looked up in
     * {@code settings} (the job's string parameters, say), then system properties, then the
     * environment; {@link #message} goes to {@code status}.
     */
    public static TaskChainContext of(Task task, Params params, SchemeResolver resolver, Map<String, String> settings,
            Consumer<String> status) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(status, "status");
        BasicSchemeContext sc = BasicSchemeContext.builder(resolver).task(task).settings(settings).build();
        return new TaskChainContext(sc, params, status);
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public void message(String text) {
        status.accept(Objects.requireNonNull(text, "text"));
    }

    @Override
    public Optional<Task> task() {
        return schemes.task();
    }

    @Override
    public Optional<String> setting(String name) {
        return schemes.setting(name);
    }

    @Override
    public SchemeResolver resolver() {
        return schemes.resolver();
    }

    @Override
    public String toString() {
        return "TaskChainContext[" + schemes.task().map(Task::toString).orElse("no task") + "]";
    }
}
