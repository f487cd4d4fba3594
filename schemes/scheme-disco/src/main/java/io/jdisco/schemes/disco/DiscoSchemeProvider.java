package io.jdisco.schemes.disco;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code disco://<host>/disco/<rest>} and {@code disco://<host>/ddfs/<rest>}: files served by a
 * node (SPEC §1.5, §9.3).
 *
 * <p>In a task on {@code <host>} itself, when the file exists locally, it is read from the
 * node's data root ({@code DISCO_DATA/<rest>}, or {@code DDFS_DATA/<rest>} for {@code ddfs}) and
 * the link names it {@code file://<absolute path>}. Otherwise it is read over HTTP from
 * {@code http://<host>:<DISCO_PORT>/<path>} through the registry (the task's port, else the
 * {@code DISCO_PORT} setting, else 8989), and the link names that URL. As in Disco's
 * {@code urlsplit}, only an exact host match is local ({@code host:port} never is) and a port in
 * the URL is ignored for HTTP.
 */
public final class DiscoSchemeProvider implements SchemeProvider {
    /** The default of the {@code DISCO_PORT} setting. */
    public static final int DEFAULT_DISCO_PORT = 8989;

    /** For {@link java.util.ServiceLoader}. */
    public DiscoSchemeProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("disco");
    }

    /**
     * Opens the file locally or over HTTP.
     *
     * @throws DataException naming the {@code disco://} URL when it cannot be read
     * @throws IllegalArgumentException when the URL has no host or no path
     */
    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(context, "context");
        DiscoUrl u = DiscoUrl.parse(url);
        Optional<Task> task = context.task();
        if (task.isPresent() && u.netloc().equals(task.get().host())) {
            Optional<Path> local = u.localPath(task.get().ddfsData(), task.get().discoData());
            if (local.isPresent() && Files.isRegularFile(local.get())) {
                return openLocal(url, local.get());
            }
        }
        String http = "http://" + u.host() + ":" + port(context) + "/" + u.path();
        try {
            InputLink link = context.resolver().open(http, context);
            return new InputLink(link.stream(), link.size(), http);
        } catch (DataException e) {
            throw new DataException(e.detail() + " (read as " + http + ")", url, e);
        }
    }

    private static InputLink openLocal(String url, Path file) throws DataException {
        Path abs = file.toAbsolutePath();
        try {
            InputStream in = Files.newInputStream(abs);
            return new InputLink(in, Files.size(abs), "file://" + abs);
        } catch (IOException e) {
            throw new DataException("cannot read local file " + abs + ": " + e, url, e);
        }
    }

    /** The nodes' HTTP port: the task's, else the {@code DISCO_PORT} setting, else 8989. */
    static int port(SchemeContext context) {
        if (context.task().isPresent()) {
            return context.task().get().discoPort();
        }
        Optional<String> s = context.setting("DISCO_PORT").map(String::trim).filter(v -> !v.isEmpty());
        if (s.isEmpty()) {
            return DEFAULT_DISCO_PORT;
        }
        try {
            int p = Integer.parseInt(s.get());
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("DISCO_PORT must be a port number, got " + p);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DISCO_PORT must be a port number, got \"" + s.get() + "\"", e);
        }
    }

    @Override
    public String toString() {
        return "DiscoSchemeProvider[disco]";
    }
}
