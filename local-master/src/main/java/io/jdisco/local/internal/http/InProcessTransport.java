package io.jdisco.local.internal.http;

import com.sun.net.httpserver.HttpHandler;
import io.jdisco.worker.core.client.MasterTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The local master's API called in this JVM: each request is handed to the same routes the HTTP
 * server uses ({@code api.MasterRoutes}), on the caller's thread, as a {@link LocalExchange}.
 * No socket, no HTTP client: a client in the master's own JVM (the command line's embedded
 * master) skips their start-up, ~40 ms of a short job. A long poll blocks the calling thread, as
 * it would block on the socket.
 */
public final class InProcessTransport implements MasterTransport {
    private final HttpHandler routes;
    private final String base;

    /** Requests answered by {@code routes} of the master at {@code base} ({@code http://host:port}). */
    public InProcessTransport(HttpHandler routes, String base) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public Reply send(String method, String pathAndQuery, Map<String, String> headers, byte[] body, Duration wait)
            throws IOException {
        if (!pathAndQuery.startsWith("/")) {
            throw new IOException("the in-process transport of " + base + " reaches only its master, not "
                    + pathAndQuery);
        }
        LocalExchange ex = new LocalExchange(method, URI.create(base + pathAndQuery), headers, body);
        routes.handle(ex);
        if (ex.status() < 0) {
            throw new IOException("the master sent no reply to " + method + " " + pathAndQuery);
        }
        return new Reply(ex.status(), ex.body());
    }

    @Override
    public String toString() {
        return "InProcessTransport[" + base + "]";
    }
}
