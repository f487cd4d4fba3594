package io.jdisco.worker.spi;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import java.util.Optional;

/**
 * What a scheme handler may know about where it runs: the current task (on a node), settings,
 * and the registry, so that one scheme can open URLs of another ({@code dir://} reads its index
 * through {@code disco://} or {@code http://}); and the worker's JSON reader, so that a scheme
 * reading a JSON document ({@code tag://}) needs neither a JSON library nor a parser of its own
 * (a scheme depends on worker-api alone).
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
     * Parses {@code utf8}, a JSON document read from {@code url} (a DDFS tag, say), into plain
     * Java values: an object as an insertion-ordered {@code Map<String, Object>}, an array as a
     * {@code List}, a string as a {@code String}, a number as a {@code Number} ({@code Integer},
     * {@code Long}, {@code BigInteger} or {@code Double}), {@code true}/{@code false} as a
     * {@code Boolean}, {@code null} as {@code null}. The bytes must hold exactly one value: a
     * duplicate key or trailing text is an error.
     *
     * @throws DataException about {@code url}, its {@link DataException#detail() detail}
     *     {@code "not JSON: "} and what the parser found where, when the bytes are not one JSON value
     */
    Object parseJson(byte[] utf8, String url) throws DataException;

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
