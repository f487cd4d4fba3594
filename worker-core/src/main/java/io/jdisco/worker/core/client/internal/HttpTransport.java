package io.jdisco.worker.core.client.internal;

import io.jdisco.worker.core.client.MasterTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@link MasterTransport} over HTTP, with the JDK's client: what any Disco master answers. Besides
 * paths on the master it takes absolute {@code http(s)://} URLs (blobs on other nodes). With a
 * token ({@code io.jdisco.worker.core.client.MasterToken}) every request to the master's own
 * scheme, host and port carries {@code Authorization: Bearer <token>}; other hosts never see it.
 */
public final class HttpTransport implements MasterTransport {
    /** How long after its hold a long poll's answer may come before the request times out. */
    public static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final String authorization;

    /** Requests to the master at {@code base} ({@code http://host:port}), each timing out after {@code requestTimeout}. */
    public HttpTransport(URI base, HttpClient client, Duration requestTimeout) {
        this(base, client, requestTimeout, null);
    }

    /**
     * Requests as {@link #HttpTransport(URI, HttpClient, Duration)}, those to the master carrying
     * {@code token} (none when {@code null}).
     */
    public HttpTransport(URI base, HttpClient client, Duration requestTimeout, String token) {
        this.base = Objects.requireNonNull(base, "base");
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.authorization = token == null ? null : "Bearer " + token;
    }

    @Override
    public Reply send(String method, String pathAndQuery, Map<String, String> headers, byte[] body, Duration wait)
            throws IOException, InterruptedException {
        String url = pathAndQuery.startsWith("/") ? base + pathAndQuery : pathAndQuery;
        URI uri = URI.create(url);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout(wait));
        headers.forEach(b::header);
        if (authorization != null && sameOrigin(uri)) {
            b.header("Authorization", authorization);
        }
        if ("GET".equals(method)) {
            b.GET();
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body());
    }

    /**
     * The HTTP timeout of a request: the usual one, or, for a long poll the master holds for
     * {@code wait} and then answers ({@code get_results}), {@code wait} plus
     * {@link #LONG_POLL_MARGIN} — so that a master that stopped answering is noticed soon after the
     * poll, not minutes later.
     */
    Duration timeout(Duration wait) {
        return wait.isZero() || wait.isNegative() ? requestTimeout : wait.plus(LONG_POLL_MARGIN);
    }

    /** True when {@code uri} has the master's scheme, host and port (the token goes nowhere else). */
    private boolean sameOrigin(URI uri) {
        return base.getScheme().equalsIgnoreCase(uri.getScheme()) && base.getHost().equalsIgnoreCase(uri.getHost())
                && port(base) == port(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "HttpTransport[" + base + "]";
    }
}
