package io.jdisco.schemes.http;

import io.jdisco.schemes.http.internal.HttpFetcher;
import io.jdisco.schemes.http.internal.HttpTarget;
import io.jdisco.worker.spi.LazyTlsContext;
import io.jdisco.schemes.http.internal.ResumableBody;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code http://} and {@code https://} with {@code java.net.http}: a streaming GET that retries
 * connection failures and 5xx answers with exponential random back-off, follows redirects to
 * http(s) only, and resumes a body cut mid-way with a {@code Range} request (SPEC §9.5). The
 * size is the {@code Content-Length}; an answer outside 2xx is a
 * {@link io.jdisco.worker.DataException} naming the status and the URL.
 *
 * <p>User info in the URL ({@code http://token:<t>@host/...}) becomes a Basic
 * {@code Authorization} header, the form DDFS tokens take. With {@code DISCO_PROXY} set,
 * {@code http://} URLs are read through the Disco proxy. Timeouts, retries and back-off are
 * {@link HttpSettings}. Thread-safe: one {@link HttpClient} is shared per connect timeout.
 */
public final class HttpSchemeProvider implements SchemeProvider {
    private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    /** For {@link java.util.ServiceLoader}. */
    public HttpSchemeProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("http", "https");
    }

    /**
     * Opens {@code url} for streaming.
     *
     * @throws io.jdisco.worker.DataException naming the URL when it cannot be read
     * @throws IllegalArgumentException when the URL or a setting is malformed
     */
    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(context, "context");
        HttpTarget.parse(url);
        HttpSettings settings = HttpSettings.from(context);
        String effective = url;
        if (settings.proxy().isPresent() && url.startsWith("http://")
                && !url.startsWith(settings.proxy().get() + "/")) {
            effective = HttpTarget.proxied(url, settings.proxy().get());
        }
        HttpTarget target = HttpTarget.parse(effective).namedAs(url);
        HttpFetcher fetcher = new HttpFetcher(client(settings.connectTimeout()), settings);
        ResumableBody body = ResumableBody.open(fetcher, target);
        return new InputLink(body, body.length() >= 0 ? body.length() : InputLink.UNKNOWN_SIZE, url);
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, t -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(LazyTlsContext.context()).sslParameters(LazyTlsContext.parameters())
                .connectTimeout(t)
                .build());
    }

    @Override
    public String toString() {
        return "HttpSchemeProvider[http, https]";
    }
}
