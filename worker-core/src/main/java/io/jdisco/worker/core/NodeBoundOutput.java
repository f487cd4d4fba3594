package io.jdisco.worker.core;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * The serialization stream of the job data a node decodes for every task: a {@link Worker}
 * written to it leaves out its {@linkplain Worker#clientOnlyParameters() client-only parameters}.
 * Any other stream (a user serializing a job) writes the worker whole.
 */
public final class NodeBoundOutput extends ObjectOutputStream {
    /**
     * The parameters a worker writes to {@code out}: all of {@code params} on any stream, without
     * {@code clientOnly} on a stream bound for a node. A node decodes the worker for every task, so
     * a parameter as large as the job (its input list) made each task's cost grow with the job;
     * on the node, {@link Worker#get} returns {@code null} for a parameter left out.
     *
     * @param out the stream the worker is written to
     * @param params the worker's parameters
     * @param clientOnly the keys only the client needs
     * @return the map to write
     */
    static LinkedHashMap<String, Object> shipped(ObjectOutputStream out, LinkedHashMap<String, Object> params,
            Set<String> clientOnly) {
        if (!(out instanceof NodeBoundOutput) || clientOnly.isEmpty()) {
            return params;
        }
        LinkedHashMap<String, Object> shipped = new LinkedHashMap<>(params);
        shipped.keySet().removeAll(clientOnly);
        return shipped;
    }

    /**
     * A stream writing to {@code out}.
     *
     * @param out where the serialized objects go
     * @throws IOException as {@link ObjectOutputStream#ObjectOutputStream(OutputStream)}
     */
    public NodeBoundOutput(OutputStream out) throws IOException {
        super(out);
    }
}
