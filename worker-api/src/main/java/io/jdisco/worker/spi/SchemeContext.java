package io.jdisco.worker.spi;

import io.jdisco.worker.Task;
import java.util.Optional;

/**
 * What a scheme handler may know about where it runs: the current task (on a node), settings,
 * and the registry, so that one scheme can open URLs of another ({@code dir://} reads its index
 * through {@code disco://} or {@code http://}).
 */
public interface SchemeContext {
    /** The task being run, when on a node; empty on a client. */
    Optional<Task> task();

    /**
     * A setting by name, e.g. {@code DISCO_PROXY}, {@code DISCO_MASTER},
     * {@code jdisco.http.connectTimeoutMillis}. Looked up in job parameters, then system
     * properties, then the environment; empty when unset.
     */
    Optional<String> setting(String name);

    /** The registry of all schemes. */
    SchemeResolver resolver();

    /**
     * The master's URL: the task's master on a node, else the {@code DISCO_MASTER} setting.
     *
     * @throws IllegalStateException when neither is known
     */
    default String master() {
        Optional<Task> t = task();
        if (t.isPresent()) {
            return t.get().master();
        }
        return setting("DISCO_MASTER").orElseThrow(() -> new IllegalStateException(
                "no master known: not in a task and DISCO_MASTER is not set"));
    }
}
