package io.jdisco.worker.core.protocol.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code WORKER {"version": "1.1", "pid": N}}: the first message of a session (SPEC §2.4.1). The
 * key order is the one the reference worker sends.
 *
 * @param version the protocol version, {@code "1.1"}
 * @param pid the process the master kills when the session ends
 */
public record WorkerHello(String version, long pid) implements WorkerMessage {
    /** The protocol version this worker speaks. */
    public static final String VERSION = "1.1";

    /** Checks the fields. */
    public WorkerHello {
        Objects.requireNonNull(version, "version");
    }

    /** The hello of this process: version 1.1 and our pid. */
    public static WorkerHello ofThisProcess() {
        return new WorkerHello(VERSION, ProcessHandle.current().pid());
    }

    @Override
    public String name() {
        return "WORKER";
    }

    @Override
    public Object body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("pid", pid);
        return m;
    }
}
