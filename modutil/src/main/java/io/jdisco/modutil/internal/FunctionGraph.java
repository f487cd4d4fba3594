package io.jdisco.modutil.internal;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job function drags along when it is Java-serialized into the job data: the classes of
 * every object in its graph (captured values, fields, nested functions) and the
 * {@link SerializedLambda} of every lambda in it.
 *
 * <p>We serialize the function to nowhere through an {@link ObjectOutputStream} that records each
 * class descriptor it writes ({@code annotateClass}) and each object after its
 * {@code writeReplace} ({@code replaceObject}): a serializable lambda replaces itself by its
 * {@code SerializedLambda}, which names the implementation class and method. This needs no
 * reflection into the lambda's class, so it works whatever module the lambda lives in, and it
 * sees exactly the classes the node will need to deserialize the function.
 */
public final class FunctionGraph {
    private final Map<String, Class<?>> classes;
    private final List<SerializedLambda> lambdas;

    private FunctionGraph(Map<String, Class<?>> classes, List<SerializedLambda> lambdas) {
        this.classes = classes;
        this.lambdas = lambdas;
    }

    /**
     * Walks {@code function}'s serialized graph.
     *
     * @throws IllegalArgumentException if the function cannot be serialized, naming it and the
     *     reason (a job function must be {@link Serializable}, and so must what it captures)
     */
    public static FunctionGraph of(Object function, String label) {
        if (!(function instanceof Serializable)) {
            throw new IllegalArgumentException("Job function " + label + " is not Serializable;"
                    + " job functions must implement java.io.Serializable (for a lambda: target"
                    + " an interface that extends Serializable)");
        }
        Recorder recorder;
        try {
            recorder = new Recorder();
            recorder.writeObject(function);
            recorder.flush();
        } catch (IOException e) {
            throw new IllegalArgumentException("Job function " + label
                    + " cannot be serialized: " + e, e);
        }
        return new FunctionGraph(recorder.classes, recorder.lambdas);
    }

    /** The classes of the graph by binary name, hidden and proxy classes left out. */
    public Map<String, Class<?>> classes() {
        return classes;
    }

    /** The lambdas of the graph, the function itself first if it is one. */
    public List<SerializedLambda> lambdas() {
        return lambdas;
    }

    private static final class Recorder extends ObjectOutputStream {
        final Map<String, Class<?>> classes = new LinkedHashMap<>();
        final List<SerializedLambda> lambdas = new ArrayList<>();

        Recorder() throws IOException {
            super(OutputStream.nullOutputStream());
            enableReplaceObject(true);
        }

        @Override
        protected void annotateClass(Class<?> type) {
            record(type);
        }

        @Override
        protected void annotateProxyClass(Class<?> type) {
            for (Class<?> api : type.getInterfaces()) {
                record(api);
            }
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof SerializedLambda lambda) {
                lambdas.add(lambda);
            }
            return obj;
        }

        private void record(Class<?> type) {
            Class<?> element = type;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (!element.isPrimitive() && !element.isHidden()) {
                classes.putIfAbsent(element.getName(), element);
            }
        }
    }
}
