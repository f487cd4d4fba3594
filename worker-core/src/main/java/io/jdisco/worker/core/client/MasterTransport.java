package io.jdisco.worker.core.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link Disco} client reaches its master: one request, one reply, in the master's HTTP
 * API's terms (SPEC §11). {@link Disco#Disco(String)} speaks HTTP, which any Disco master
 * answers; a master in the same JVM can answer in process instead (jdisco's
 * {@code io.jdisco.local.LocalMaster#transport()}): the same routes and bytes, without sockets or
 * the JDK HTTP client, whose first request cost a short job ~40 ms on the critical path.
 *
 * <p>A transport only carries bytes: {@link Disco} checks statuses and decodes replies.
 * Implementations are thread-safe.
 */
public interface MasterTransport {
    /** A reply: the HTTP status and the body (empty when there is none). */
    record Reply(int status, byte[] body) {
        /** A reply; {@code body} is not copied. */
        public Reply {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Sends one request and waits for its reply.
     *
     * @param method {@code GET} or {@code POST}
     * @param pathAndQuery the path on the master, with its query; starts with {@code /}
     * @param headers request headers
     * @param body the request body; empty for a {@code GET}
     * @param wait for a long poll ({@code get_results}), how long the master holds the request
     *     before it answers; the request then times out a little after {@code wait} instead of
     *     after the usual request timeout. Zero for other requests
     * @throws IOException when the master cannot be reached or the exchange breaks off
     */
    Reply send(String method, String pathAndQuery, Map<String, String> headers, byte[] body, Duration wait)
            throws IOException, InterruptedException;
}
