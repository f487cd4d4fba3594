package io.jdisco.worker.core.scheme;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.json.JsonSyntaxException;
import io.jdisco.worker.core.json.PythonJson;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain {@link SchemeContext}: an optional task, explicit settings, and the registry. Lets the
 * client and tests open URLs outside a worker. JSON documents are parsed by {@link PythonJson},
 * the worker's one JSON reader.
 *
 * <p>A setting is looked up in the explicit settings (job parameters, say), then in the system
 * properties, then in the environment — the order {@link SchemeContext#setting} documents.
 * Immutable.
 */
public final class BasicSchemeContext implements SchemeContext {
    private final Task task;
    private final Map<String, String> settings;
    private final Map<String, String> environment;
    private final boolean systemProperties;
    private final SchemeResolver resolver;

    private BasicSchemeContext(Builder b) {
        this.task = b.task;
        this.settings = Map.copyOf(b.settings);
        this.environment = b.environment;
        this.systemProperties = b.systemProperties;
        this.resolver = Objects.requireNonNull(b.resolver, "resolver");
    }

    /** A context with no task whose settings come from system properties and the environment. */
    public static BasicSchemeContext of(SchemeResolver resolver) {
        return builder(resolver).build();
    }

    /** A builder for a context over {@code resolver}. */
    public static Builder builder(SchemeResolver resolver) {
        return new Builder(Objects.requireNonNull(resolver, "resolver"));
    }

    @Override
    public Optional<Task> task() {
        return Optional.ofNullable(task);
    }

    @Override
    public Optional<String> setting(String name) {
        Objects.requireNonNull(name, "name");
        String v = settings.get(name);
        if (v == null && systemProperties) {
            v = System.getProperty(name);
        }
        if (v == null) {
            v = environment.get(name);
        }
        return Optional.ofNullable(v);
    }

    @Override
    public SchemeResolver resolver() {
        return resolver;
    }

    /** {@link PythonJson#parse}; a syntax error becomes a {@link DataException} about {@code url}. */
    @Override
    public Object parseJson(byte[] utf8, String url) throws DataException {
        Objects.requireNonNull(utf8, "utf8");
        try {
            return PythonJson.parse(utf8);
        } catch (JsonSyntaxException e) {
            throw new DataException("not JSON: " + e.getMessage(), url, e);
        }
    }

    /** A copy of this context with {@code task}. */
    public BasicSchemeContext withTask(Task task) {
        return toBuilder().task(Objects.requireNonNull(task, "task")).build();
    }

    /** A builder holding this context's values. */
    public Builder toBuilder() {
        Builder b = new Builder(resolver);
        b.task = task;
        b.settings.putAll(settings);
        b.environment = environment;
        b.systemProperties = systemProperties;
        return b;
    }

    @Override
    public String toString() {
        return "BasicSchemeContext[" + (task != null ? task : "no task") + ", settings " + settings.keySet() + "]";
    }

    /** Builds a {@link BasicSchemeContext}. */
    public static final class Builder {
        private final SchemeResolver resolver;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Map<String, String> environment = System.getenv();
        private boolean systemProperties = true;
        private Task task;

        private Builder(SchemeResolver resolver) {
            this.resolver = resolver;
        }

        /** The task, when the URLs are opened on behalf of one. */
        public Builder task(Task v) {
            this.task = v;
            return this;
        }

        /** One setting; wins over system properties and the environment. */
        public Builder setting(String name, String value) {
            settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Several settings, as {@link #setting}. */
        public Builder settings(Map<String, String> values) {
            Objects.requireNonNull(values, "values").forEach(this::setting);
            return this;
        }

        /** The environment to fall back to (default {@link System#getenv()}); for tests and in-process workers. */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(Objects.requireNonNull(env, "env"));
            return this;
        }

        /** Whether system properties are consulted (default true); off for hermetic tests. */
        public Builder systemProperties(boolean consult) {
            this.systemProperties = consult;
            return this;
        }

        /** The context. */
        public BasicSchemeContext build() {
            return new BasicSchemeContext(this);
        }
    }
}
