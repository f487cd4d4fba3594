package io.jdisco.worker.core.protocol.message;

/**
 * A protocol message: its frame name and its JSON body as plain Java values (see
 * {@link io.jdisco.worker.core.json.PythonJson}).
 */
public sealed interface Message permits WorkerMessage, MasterMessage {
    /** The frame name, e.g. {@code INPUT}. */
    String name();

    /** The JSON body as Java values: strings, numbers, lists, ordered maps. */
    Object body();
}
