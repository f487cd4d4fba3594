package io.jdisco.local.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP requests to a master, as Disco's Python client makes them (tokens as basic auth {@code token:<t>}). */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    /** Requests to {@code base} ({@code http://host:port}). */
    public Http(String base) {
        this.base = base;
    }

    /** {@code method path} with {@code body} (null for none). */
    public HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        return call(method, path, body, null);
    }

    /** {@code method path} with {@code body} (null for none) and a DDFS token (null for none). */
    public HttpResponse<String> call(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, p);
        if (token != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("token:" + token).getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST path} with a binary body (a job pack). */
    public HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a {@code GET path} that must answer 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = call("GET", path, null);
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
