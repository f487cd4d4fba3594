package io.jdisco.worker.core.taskio;

import io.jdisco.worker.DataException;
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
 * A {@link ChainContext}: the task (on a node), the {@link Params}, the scheme registry, string
 * settings and where status lines go. Stream stages and scheme handlers see exactly these. A
 * running task's context comes from {@link #of}; a client reading results, or a tool reading
 * files, uses {@link #outsideTask}. Immutable.
 */
public final class BasicChainContext implements ChainContext {
    private final BasicSchemeContext schemes;
    private final Params params;
    private final Consumer<String> status;

    private BasicChainContext(BasicSchemeContext schemes, Params params, Consumer<String> status) {
        this.schemes = schemes;
        this.params = params;
        this.status = status;
    }

    /**
     * The context of {@code task}: URLs open through {@code resolver}; a setting is looked up in
     * {@code settings} (the job's string parameters, say), then system properties, then the
     * environment; {@link #message} goes to {@code status}.
     */
    public static BasicChainContext of(Task task, Params params, SchemeResolver resolver, Map<String, String> settings,
            Consumer<String> status) {
        return of(task, params, resolver, settings, System.getenv(), status);
    }

    /**
     * The context of {@code task} as {@link #of(Task, Params, SchemeResolver, Map, Consumer)}, with
     * {@code environment} in place of {@link System#getenv()}: the environment of a worker that
     * runs on a thread of another program.
     */
    public static BasicChainContext of(Task task, Params params, SchemeResolver resolver, Map<String, String> settings,
            Map<String, String> environment, Consumer<String> status) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(status, "status");
        BasicSchemeContext sc = BasicSchemeContext.builder(resolver).task(task).settings(settings)
                .environment(environment).build();
        return new BasicChainContext(sc, params, status);
    }

    /**
     * A context outside any task: URLs open through {@code resolver}; settings come from
     * {@code settings}, then system properties, then the environment; messages go to
     * {@code status}.
     */
    public static BasicChainContext outsideTask(Params params, SchemeResolver resolver, Map<String, String> settings,
            Consumer<String> status) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(status, "status");
        return new BasicChainContext(BasicSchemeContext.builder(resolver).settings(settings).build(), params, status);
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
    public Object parseJson(byte[] utf8, String url) throws DataException {
        return schemes.parseJson(utf8, url);
    }

    @Override
    public String toString() {
        return "BasicChainContext[" + schemes.task().map(Task::toString).orElse("no task") + "]";
    }
}
