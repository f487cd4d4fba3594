package io.jdisco.cli.jobs;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The address of a job's status page ({@code <master>/job/<name>}) on a {@code jdisco master},
 * for the line a job command prints when it starts. Only a jdisco master has these pages (a Disco
 * master has its own UI at {@code /} and no {@code /job/} route), so the page is named only when
 * the master answers it: a {@code GET} of the page, within {@link #PROBE_TIMEOUT}, must be 200 with
 * HTML carrying the jdisco master's {@code generator} mark. A master that does not, or asks for a
 * token (a browser could not open the page either), gets no line.
 */
final class StatusPage {
    /** How long the master may take to answer the page before the command goes on without it. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** The mark in the pages' head. */
    static final String MARK = "<meta name=\"generator\" content=\"jdisco local master\">";

    private StatusPage() {
    }

    /** The page of job {@code name} on {@code master} ({@code http://host:port}). */
    static URI of(URI master, String name) {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(name, "name");
        return URI.create(master.toString().replaceAll("/+$", "") + "/job/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** The page of job {@code name} when {@code master} is a jdisco master that serves it. */
    static Optional<URI> probe(URI master, String name) throws InterruptedException {
        URI page = of(master, name);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PROBE_TIMEOUT).build();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(page).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ours = r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("")
                    .startsWith("text/html") && r.body().contains(MARK);
            return ours ? Optional.of(page) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // not served, or not in time: the command does not need it
        }
    }
}
