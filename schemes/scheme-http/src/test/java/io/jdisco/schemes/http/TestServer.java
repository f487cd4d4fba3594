package io.jdisco.schemes.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's {@link HttpServer}) serving one resource with
 * ranges, able to cut a connection mid-body, and recording what it was asked.
 */
final class TestServer implements AutoCloseable {
    /** What to do for request number {@code n} (from 0). */
    interface Behaviour {
        void answer(int n, HttpExchange ex, TestServer server) throws IOException;
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    final List<String> ranges = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    TestServer(Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            ranges.add(String.valueOf(ex.getRequestHeaders().getFirst("Range")));
            paths.add(ex.getRequestURI().getRawPath());
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            // A handler that throws makes HttpServer drop the connection: that is how a cut is made.
            behaviour.answer(count.getAndIncrement(), ex, this);
            ex.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests() {
        return count.get();
    }

    /**
     * Serves {@code data} honouring {@code Range: bytes=N-} (when {@code ranges}), stopping after
     * {@code cutAfter} body bytes (negative: never) by closing the connection.
     */
    static void serve(HttpExchange ex, byte[] data, boolean ranges, long cutAfter) throws IOException {
        int from = 0;
        String range = ex.getRequestHeaders().getFirst("Range");
        int status = 200;
        if (ranges && range != null) {
            Matcher m = RANGE.matcher(range);
            if (m.matches()) {
                from = Integer.parseInt(m.group(1));
                if (from >= data.length) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + data.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
            }
        }
        int len = data.length - from;
        ex.sendResponseHeaders(status, len == 0 ? -1 : len);
        OutputStream out = ex.getResponseBody();
        int send = cutAfter < 0 ? len : (int) Math.min(len, cutAfter);
        out.write(data, from, send);
        out.flush();
        if (send < len) {
            throw new IOException("connection cut on purpose after " + send + " of " + len + " bytes");
        }
    }

    static void status(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
