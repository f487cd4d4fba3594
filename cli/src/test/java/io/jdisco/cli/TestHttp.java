package io.jdisco.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A JDK HTTP server on 127.0.0.1 serving fixed bodies by path, for http:// inputs. */
public final class TestHttp implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    public TestHttp() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = bodies.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (!exchange.getRequestMethod().equals("HEAD")) {
                        out.write(body);
                    }
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code body} at {@code path} and returns its URL. */
    public String serve(String path, byte[] body) {
        bodies.put(path, body);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
