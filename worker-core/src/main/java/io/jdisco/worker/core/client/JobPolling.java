package io.jdisco.worker.core.client;

import java.io.IOException;
import java.net.URI;

/**
 * The master calls a wait for a job makes: the job's status and results, held while it is active;
 * its event log, to explain a death; and the master's address, for messages. {@link Disco} answers
 * them over HTTP; the waiter ({@link io.jdisco.worker.core.client.internal.JobWaiter}) sees only
 * this, so the client and its waiter do not need each other.
 */
public interface JobPolling {
    /** The master's base URL. */
    URI master();

    /**
     * The status and results of job {@code name}; the master holds the request up to
     * {@code timeoutMillis} while the job is active, answering as soon as it ends.
     */
    JobResults results(String name, long timeoutMillis) throws IOException, InterruptedException;

    /** The events of job {@code name} logged from byte {@code offset} of its event log on. */
    JobEvents events(String name, long offset) throws IOException, InterruptedException;
}
