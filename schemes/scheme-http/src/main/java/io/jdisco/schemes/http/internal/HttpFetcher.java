package io.jdisco.schemes.http.internal;

import io.jdisco.schemes.http.HttpSettings;
import io.jdisco.worker.DataException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * One GET, made to succeed if it can (Disco's {@code comm.request}, SPEC §9.5): connection
 * failures and 5xx answers are retried with {@link Backoff}; redirects are followed, to
 * {@code http} and {@code https} only; any other answer outside 2xx is a {@link DataException}
 * with the status, the URL and the start of the body (Disco nodes explain themselves there).
 */
public final class HttpFetcher {
    /** Redirects followed for one request before giving up. */
    public static final int MAX_REDIRECTS = 10;

    private static final int EXCERPT_BYTES = 512;

    private final HttpClient client;
    private final HttpSettings settings;
    private final Backoff backoff;

    /** A fetcher sending through {@code client} (which must not follow redirects itself). */
    public HttpFetcher(HttpClient client, HttpSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = new Backoff(settings.backoffBaseMillis(), settings.backoffMaxMillis());
    }

    /** The back-off this fetcher uses between attempts. */
    public Backoff backoff() {
        return backoff;
    }

    /** The settings. */
    public HttpSettings settings() {
        return settings;
    }

    /**
     * GETs {@code target} from byte {@code from} ({@code Range: bytes=<from>-} when above 0).
     *
     * @return a 2xx answer with its body, or, for {@code from > 0}, a 416 answer without one
     * @throws DataException naming the URL when no acceptable answer came
     */
    public Answer get(HttpTarget target, long from) throws IOException {
        URI uri = target.uri();
        int attempt = 0;
        int redirects = 0;
        while (true) {
            HttpRequest.Builder rb;
            try {
                rb = HttpRequest.newBuilder(uri).GET().timeout(settings.readTimeout());
            } catch (IllegalArgumentException e) {
                if (redirects > 0) {
                    throw new DataException("cannot follow the redirect to " + uri + ": " + e.getMessage(),
                            target.display(), e);
                }
                throw new IllegalArgumentException("cannot request " + target.display() + ": " + e.getMessage(), e);
            }
            if (target.authorization() != null && sameOrigin(uri, target.uri())) {
                rb.header("Authorization", target.authorization());
            }
            if (from > 0) {
                rb.header("Range", "bytes=" + from + "-");
            }
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> r;
            try {
                r = client.send(rb.build(), HttpResponse.BodyHandlers.ofPublisher());
            } catch (IOException e) {
                if (attempt >= settings.maxRetries()) {
                    throw new DataException("cannot get " + uri + " after " + (attempt + 1) + " attempts: " + e,
                            target.display(), e);
                }
                backoff.sleep(attempt++);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException io = new InterruptedIOException("interrupted while requesting " + target);
                io.initCause(e);
                throw io;
            }
            int status = r.statusCode();
            if (status >= 200 && status < 300) {
                BodyStream body = new BodyStream(settings.readTimeout());
                r.body().subscribe(body);
                return new Answer(status, r.headers(), body);
            }
            if (status == 416 && from > 0) {
                discard(r);
                return new Answer(status, r.headers(), null);
            }
            if (status >= 300 && status < 400) {
                uri = redirect(target, uri, r, ++redirects);
                continue;
            }
            String excerpt = excerpt(r);
            if (status >= 500 && attempt < settings.maxRetries()) {
                backoff.sleep(attempt++);
                continue;
            }
            throw new DataException("HTTP " + status + " from " + uri + (excerpt.isEmpty() ? "" : ": " + excerpt)
                    + (status >= 500 ? " (after " + (attempt + 1) + " attempts)" : ""), target.display());
        }
    }

    private static URI redirect(HttpTarget target, URI from, HttpResponse<Flow.Publisher<List<ByteBuffer>>> r,
            int redirects) throws DataException {
        discard(r);
        String location = r.headers().firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
            throw new DataException("HTTP " + r.statusCode() + " redirect from " + from + " without a Location",
                    target.display());
        }
        URI next;
        try {
            next = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new DataException("malformed redirect Location \"" + location + "\" from " + from, target.display(), e);
        }
        String scheme = next.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || next.getHost() == null) {
            throw new DataException("redirect from " + from + " to " + location
                    + " refused: only http and https locations are followed", target.display());
        }
        if (redirects > MAX_REDIRECTS) {
            throw new DataException("more than " + MAX_REDIRECTS + " redirects, the last to " + next, target.display());
        }
        return next;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }

    private static void discard(HttpResponse<Flow.Publisher<List<ByteBuffer>>> r) {
        BodyStream sink = new BodyStream(java.time.Duration.ofMillis(1));
        r.body().subscribe(sink);
        sink.close();
    }

    /** The first bytes of an error body as one line of text, for the error message. */
    private String excerpt(HttpResponse<Flow.Publisher<List<ByteBuffer>>> r) {
        BodyStream body = new BodyStream(settings.readTimeout());
        r.body().subscribe(body);
        byte[] buf = new byte[EXCERPT_BYTES];
        int n = 0;
        try (body) {
            int k;
            while (n < buf.length && (k = body.read(buf, n, buf.length - n)) > 0) {
                n += k;
            }
        } catch (IOException e) {
            // The status says what matters; a body that breaks off only shortens the excerpt.
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}]+", " ").trim();
    }

    /** An answer: its status, headers and body ({@code null} for a 416). */
    public static final class Answer {
        private final int status;
        private final HttpHeaders headers;
        private final BodyStream body;

        Answer(int status, HttpHeaders headers, BodyStream body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        /** The status code. */
        public int status() {
            return status;
        }

        /** The headers. */
        public HttpHeaders headers() {
            return headers;
        }

        /** The body, or {@code null} for a 416. */
        public BodyStream body() {
            return body;
        }

        /** {@code Content-Length}, or {@code -1}. */
        public long contentLength() {
            try {
                return headers.firstValueAsLong("Content-Length").orElse(-1);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
