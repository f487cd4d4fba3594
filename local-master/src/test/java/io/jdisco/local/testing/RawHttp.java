package io.jdisco.local.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 request written byte for byte on a socket, as a browser or an attacker's script
 * would send it: any {@code Host}, {@code Origin} or {@code Content-Length} (the JDK client
 * refuses to set some of them), a body that may be shorter than announced, or chunks.
 */
public final class RawHttp {
    private final InetAddress address;
    private final int port;
    private final List<String> headers = new ArrayList<>();
    private String version = "HTTP/1.1";

    private RawHttp(InetAddress address, int port) {
        this.address = address;
        this.port = port;
    }

    /** Requests to {@code address:port}. */
    public static RawHttp to(InetAddress address, int port) {
        return new RawHttp(address, port);
    }

    /** Requests to {@code 127.0.0.1:port}. */
    public static RawHttp local(int port) {
        return to(InetAddress.getLoopbackAddress(), port);
    }

    /** Adds a header line. */
    public RawHttp header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    /** Sends {@code HTTP/1.0} instead of 1.1 (no Host header unless added). */
    public RawHttp http10() {
        version = "HTTP/1.0";
        return this;
    }

    /** A reply: status, body text, and the head's text (status line and headers). */
    public record Reply(int status, String body, String headers) {
    }

    /** Sends the request with {@code body} (Content-Length added unless a header sets it) and reads the reply. */
    public Reply send(String method, String path, byte[] body) throws IOException {
        boolean hasLength = headers.stream().anyMatch(h -> h.regionMatches(true, 0, "Content-Length:", 0, 15)
                || h.regionMatches(true, 0, "Transfer-Encoding:", 0, 18));
        StringBuilder head = new StringBuilder(method + " " + path + " " + version + "\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (!hasLength && body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(s.getInputStream(), method.equals("HEAD"));
        }
    }

    /** Sends a {@code GET}. */
    public Reply get(String path) throws IOException {
        return send("GET", path, new byte[0]);
    }

    /**
     * Reads the head, then (but for a HEAD request) the body of the announced Content-Length (the server may keep reading
     * a body it refused, so the connection's end is not waited for), or else up to the end.
     */
    private static Reply read(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        while (!lines.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the reply ended in its head: " + lines.toString(StandardCharsets.ISO_8859_1));
            }
            lines.write(b);
        }
        String text = lines.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP reply: " + text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$").matcher(text);
        byte[] body = head ? new byte[0] : m.find() ? in.readNBytes(Integer.parseInt(m.group(1))) : in.readAllBytes();
        return new Reply(status, new String(body, StandardCharsets.UTF_8), text);
    }
}
