package io.jdisco.worker.core.client.internal;

import io.jdisco.worker.CommException;
import io.jdisco.worker.DataException;
import io.jdisco.worker.core.client.MasterTransport;
import io.jdisco.worker.core.client.MasterUnreachableException;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The master's HTTP API (SPEC §11) over a {@link MasterTransport} (HTTP itself, or the routes of
 * a master in this JVM): one request, one reply, with every failure turned into a
 * {@link CommException} that names the URL and, when the server answered, the status and the
 * body text (the master's own error message, e.g. a 400's JSON string, decoded). A request to the
 * master that gets no answer at all (refused, reset, timed out) is a
 * {@link MasterUnreachableException}.
 *
 * <p>JSON is read into plain Java values and written as Python's {@code json.dumps} does, with
 * {@link PythonJson} (Jackson's streaming parser): the object mapper would load a few hundred
 * classes at every client start, which a short job feels.
 */
public final class MasterHttp {
    /** How much of an error body goes into an exception message. */
    private static final int MAX_ERROR_TEXT = 2000;
    private static final byte[] NO_BODY = new byte[0];

    private final URI base;
    private final MasterTransport transport;
    /** Makes the transport of absolute URLs (other nodes), on first use. */
    private final Supplier<MasterTransport> web;
    private MasterTransport webTransport;

    /**
     * A connection to the master at {@code base} ({@code http://host:port}, no path) through
     * {@code transport}; absolute URLs go through the transport {@code web} makes on their first
     * use (for an HTTP transport, that transport itself).
     */
    public MasterHttp(URI base, MasterTransport transport, Supplier<MasterTransport> web) {
        this.base = base;
        this.transport = transport;
        this.web = web;
    }

    /** A reply: status, body, and the URL it came from (for error messages). */
    public record Reply(int status, byte[] body, String url) {
    }

    /** The master's base URL. */
    public URI base() {
        return base;
    }

    /** The full URL of {@code pathAndQuery} (which starts with {@code /}). */
    public String url(String pathAndQuery) {
        return base + pathAndQuery;
    }

    /**
     * GETs {@code urlOrPath} (absolute, or a path on the master) with {@code headers}; a status
     * in {@code accepted} or 2xx is returned, any other is a {@link CommException}.
     */
    public Reply get(String urlOrPath, Map<String, String> headers, Set<Integer> accepted)
            throws IOException, InterruptedException {
        return send("GET", urlOrPath, headers, NO_BODY, Duration.ZERO, accepted);
    }

    /**
     * POSTs {@code body} to {@code path}; {@code wait} is how long the master holds a long poll
     * ({@code get_results}) before it answers, zero for other requests.
     */
    public Reply post(String path, byte[] body, Duration wait)
            throws IOException, InterruptedException {
        return send("POST", path, Map.of("Content-Type", "application/octet-stream"), body, wait, Set.of());
    }

    /** Encodes {@code value} (strings, numbers, lists) as JSON bytes (a request body), as {@code json.dumps} does. */
    public byte[] toJson(Object value) {
        return PythonJson.dumps().writeBytes(value);
    }

    /**
     * Parses a reply body as one JSON value: {@code null}, {@code Boolean}, {@code Integer},
     * {@code Long} or {@code BigInteger}, {@code Double}, {@code String}, {@code List} or
     * {@code Map}. An empty or malformed body is a {@link DataException} naming the URL.
     */
    public Object parse(Reply reply) throws DataException {
        if (new String(reply.body(), StandardCharsets.UTF_8).isBlank()) {
            throw new DataException("the master sent an empty reply where JSON was expected", reply.url());
        }
        try {
            return PythonJson.parse(reply.body());
        } catch (IOException e) {
            throw new DataException("the master's reply is not JSON: " + excerpt(reply.body()),
                    reply.url(), e);
        }
    }

    private Reply send(String method, String urlOrPath, Map<String, String> headers, byte[] body, Duration wait,
            Set<Integer> accepted) throws IOException, InterruptedException {
        boolean onMaster = urlOrPath.startsWith("/");
        String url = onMaster ? url(urlOrPath) : urlOrPath;
        MasterTransport.Reply response;
        try {
            response = (onMaster ? transport : web()).send(method, urlOrPath, headers, body, wait);
        } catch (IOException e) {
            if (onMaster) {
                throw new MasterUnreachableException(base.toString(), url, e.toString(), e);
            }
            throw new CommException("cannot reach the master: " + e, url, -1, e);
        }
        int status = response.status();
        if ((status / 100 != 2) && !accepted.contains(status)) {
            throw new CommException(errorText(response.body()), url, status);
        }
        return new Reply(status, response.body(), url);
    }

    private synchronized MasterTransport web() {
        if (webTransport == null) {
            webTransport = web.get();
        }
        return webTransport;
    }

    /** The body as text; a JSON string (how the master encodes 400 errors) is decoded. */
    private static String errorText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.startsWith("\"")) {
            try {
                if (PythonJson.parse(text.getBytes(StandardCharsets.UTF_8)) instanceof String s) {
                    text = s;
                }
            } catch (IOException e) {
                // Not JSON after all: keep the raw text.
            }
        }
        if (text.isEmpty()) {
            return "HTTP error with an empty body";
        }
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "..." : text;
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
