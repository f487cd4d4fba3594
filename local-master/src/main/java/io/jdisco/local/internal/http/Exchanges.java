package io.jdisco.local.internal.http;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers to answer {@link HttpExchange}s: JSON (compact, like mochijson2), errors, bodies, queries. */
public final class Exchanges {
    private static final PythonJson JSON = PythonJson.compact();
    /** The most of a refused request's body read (and dropped) before its connection is closed. */
    private static final long DRAIN_BYTES = 1L << 20;

    private Exchanges() {
    }

    /** Sends {@code value} as JSON with {@code status}. */
    public static void json(HttpExchange ex, int status, Object value) throws IOException {
        bytes(ex, status, "application/json", JSON.writeBytes(value));
    }

    /** Sends an error: the text as a JSON string, as the master's 400 replies are. */
    public static void error(HttpExchange ex, int status, String text) throws IOException {
        json(ex, status, text);
    }

    /** Sends {@code body} with {@code status} and {@code contentType}. */
    public static void bytes(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(body.length));
        }
        ex.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
                if (closing(ex)) {
                    out.flush();
                    drainRefusedBody(ex);
                }
            }
        }
        ex.close();
    }

    /**
     * Reads and drops up to {@link #DRAIN_BYTES} of a refused request's body, once the answer is on
     * the wire. A client still sending a body the server closes the connection on unread gets a
     * TCP reset, which can destroy the answer before the client reads it (the JDK's client then
     * reports "header parser received no bytes" instead of the 413); the server itself drains only
     * 64 KiB. A body over the bound is still cut off: the master never reads much of what it refused.
     */
    private static void drainRefusedBody(HttpExchange ex) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAIN_BYTES;
        try {
            InputStream in = ex.getRequestBody();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing left to protect
        }
    }

    private static boolean closing(HttpExchange ex) {
        return "close".equalsIgnoreCase(ex.getResponseHeaders().getFirst("Connection"));
    }

    /**
     * The request body, at most {@code max} bytes; null when larger. A body whose
     * {@code Content-Length} says it is larger is refused unread; otherwise the memory held grows
     * with the bytes that arrive (a chunked body included), never from a claimed size.
     */
    public static byte[] body(HttpExchange ex, long max) throws IOException {
        if (declaredLength(ex) > max) {
            closeAfterReply(ex);
            return null;
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] data = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (data.length > max) {
                closeAfterReply(ex);
                return null;
            }
            return data;
        }
    }

    /**
     * Marks the reply {@code Connection: close}: a request whose body was refused unread (or not
     * read to its end) leaves the connection in the middle of that body, so the server drops it,
     * and a client must not send its next request on it (it would find the connection closed
     * under it).
     */
    public static void closeAfterReply(HttpExchange ex) {
        ex.getResponseHeaders().set("Connection", "close");
    }

    /** The request's {@code Content-Length}, or -1 when it has none (or none that is a number). */
    public static long declaredLength(HttpExchange ex) {
        String value = ex.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The decoded query parameters (last value wins). */
    public static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q == null || q.isEmpty()) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A request path's raw form decoded, a {@code +} kept as itself (it is not a space in a path). */
    public static String decode(String rawPath) {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
