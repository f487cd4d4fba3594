package io.jdisco.local.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request of the in-process transport ({@link InProcessTransport}) as the HTTP routes see it:
 * method, URI, headers and body in memory, the response status and body collected in memory. The
 * routes answer it exactly as they answer a socket's exchange: it carries the master's own
 * {@code Host} and a loopback peer, as a local HTTP client's request does, so the
 * {@link RequestGuard} admits it. Not thread-safe: one request.
 */
final class LocalExchange extends HttpExchange {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    private final String method;
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream requestBody;
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
    private OutputStream responseStream = responseBody;
    private int status = -1;

    /** A request of {@code method} for {@code uri} with {@code headers} and {@code body}. */
    LocalExchange(String method, URI uri, Map<String, String> headers, byte[] body) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        headers.forEach(requestHeaders::add);
        if (!requestHeaders.containsKey("Host")) {
            // What an HTTP client of the master sends; the request guard admits it.
            requestHeaders.set("Host", uri.getRawAuthority());
        }
        this.requestBody = new ByteArrayInputStream(body);
    }

    /** The status the routes sent, or -1 when they sent none. */
    int status() {
        return status;
    }

    /** The response body the routes wrote. */
    byte[] body() {
        return responseBody.toByteArray();
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    /** Null: the routes are called directly, not through a server context. */
    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public void close() {
        // nothing to release: the body stays readable for the transport
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseStream;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {
        if (status != -1) {
            throw new IllegalStateException("the response headers of " + method + " " + uri + " were sent already");
        }
        status = rCode;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return LOOPBACK;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return LOOPBACK;
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) {
            requestBody = i;
        }
        if (o != null) {
            responseStream = o;
        }
    }

    /** Null: the in-process transport has no authentication. */
    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
