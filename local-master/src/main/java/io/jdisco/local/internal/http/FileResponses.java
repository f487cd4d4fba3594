package io.jdisco.local.internal.http;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.internal.node.NodeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a file like a node's web server: {@code GET} and {@code HEAD}, one byte range per request
 * ({@code Range: bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) answered with 206 and
 * {@code Content-Range}, an unsatisfiable range with 416 and {@code Content-Range: bytes *&#47;size}
 * (but any range of an empty file with 200 and the empty body, as Disco's mochiweb answers).
 * A malformed or multi-range header is ignored (the whole file, 200), as RFC 9110 allows.
 */
public final class FileResponses {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private FileResponses() {
    }

    /**
     * Sends {@code file} (which must exist) as {@code application/octet-stream}. The file is
     * opened without following a symbolic link: pass its real path ({@link NodeLayout#regularFile}).
     */
    public static void send(HttpExchange ex, Path file) throws IOException {
        send(ex, file, Files.size(file));
    }

    /** Sends the first {@code size} bytes of {@code file} as if they were all of it. */
    public static void send(HttpExchange ex, Path file, long size) throws IOException {
        long from = 0;
        long to = size - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            try {
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    from = Math.max(0, size - suffix);
                } else {
                    from = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        to = Math.min(to, Long.parseLong(m.group(2)));
                    }
                }
                if (size == 0) {
                    // An empty file has no satisfiable range; Disco's web server (mochiweb) then
                    // answers 200 with the whole (empty) body, and Disco's Python client reading
                    // an empty blob (ddfs.pull) asks for bytes=0- and expects just that.
                    from = 0;
                    to = -1;
                } else if (from >= size || from > to) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    Exchanges.bytes(ex, 416, "text/plain", new byte[0]);
                    return;
                }
                if (size > 0) {
                    status = 206;
                    ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
                }
            } catch (NumberFormatException e) {
                from = 0;
                to = size - 1;
                status = 200;
            }
        }
        long length = Math.max(0, to - from + 1);
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        if ("HEAD".equals(ex.getRequestMethod()) || length == 0) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, length);
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                OutputStream out = ex.getResponseBody()) {
            ch.position(from);
            InputStream in = Channels.newInputStream(ch);
            byte[] buf = new byte[65536];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
        ex.close();
    }

    /** Serves a data file (a real path, see {@link NodeLayout#regularFile}), or 404. */
    public static void serve(HttpExchange ex, Optional<Path> file) throws IOException {
        if (file.isPresent() && Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            send(ex, file.get());
        } else {
            Exchanges.error(ex, 404, "not found: " + ex.getRequestURI().getRawPath());
        }
    }
}
