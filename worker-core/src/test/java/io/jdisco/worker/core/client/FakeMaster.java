package io.jdisco.worker.core.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the master's web server (SPEC §11) on 127.0.0.1 and a free port: each test
 * routes the paths it needs to canned replies and afterwards inspects the requests received.
 */
final class FakeMaster implements AutoCloseable {
    /** A request as received. */
    record Request(String method, String path, String query, Map<String, List<String>> headers,
            byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    /** A reply to send. */
    record Reply(int status, byte[] body) {
        static Reply json(String json) {
            return new Reply(200, json.getBytes(StandardCharsets.UTF_8));
        }

        static Reply status(int status, String body) {
            return new Reply(status, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Computes the reply to one request. */
    interface Route {
        Reply reply(Request request) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeMaster() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The master URL, {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code method path} (path without query) with {@code route}. */
    FakeMaster route(String method, String path, Route route) {
        routes.put(method + " " + path, route);
        return this;
    }

    /** Answers {@code method path} always with {@code reply}. */
    FakeMaster route(String method, String path, Reply reply) {
        return route(method, path, request -> reply);
    }

    /**
     * Serves {@code log} at {@code GET path} with byte ranges as mochiweb's {@code serve_file}
     * does: {@code Range: bytes=N-} gives 206 with the bytes from N, or 416 when N is at or
     * past the end; no Range gives 200 with everything.
     */
    FakeMaster file(String path, AtomicReference<byte[]> log) {
        return route("GET", path, request -> {
            byte[] all = log.get();
            String range = request.header("Range");
            if (range == null) {
                return new Reply(200, all);
            }
            int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            if (from >= all.length) {
                return Reply.status(416, "");
            }
            byte[] part = new byte[all.length - from];
            System.arraycopy(all, from, part, 0, part.length);
            return new Reply(206, part);
        });
    }

    /** The requests received so far, oldest first. */
    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The requests received for {@code path}. */
    List<Request> requests(String path) {
        List<Request> out = new ArrayList<>();
        for (Request r : requests) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Route route = routes.get(request.method() + " " + request.path());
            Reply reply = route == null ? Reply.status(404, "not found") : route.reply(request);
            exchange.sendResponseHeaders(reply.status(),
                    reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
