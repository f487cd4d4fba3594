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
 *
 * <p>Outside a task (a client), such URLs are read over HTTP, as Disco's client does, unless the
 * {@value #LOCAL_HOST_SETTING} setting names the node whose data roots this process can read:
 * then a URL of exactly that host is read from the {@code DISCO_DATA} (or {@code DDFS_DATA})
 * setting's directory when the file is there. An embedded local master's client sets the three,
 * since its results are on its own disk: reading them through its HTTP server took three times
 * as long (the 100 MB sort's results: 0.28 s from the files, 0.69 s over HTTP, on first use).
 */
public final class DiscoSchemeProvider implements SchemeProvider {
    /** The default of the {@code DISCO_PORT} setting. */
    public static final int DEFAULT_DISCO_PORT = 8989;
    /**
     * The setting naming the node whose {@code DISCO_DATA} and {@code DDFS_DATA} (settings too)
     * are local to a client; unset, a client reads every {@code disco://} URL over HTTP.
     */
    public static final String LOCAL_HOST_SETTING = "jdisco.disco.localHost";

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
        Optional<Path> local = localPath(u, context);
        if (local.isPresent() && Files.isRegularFile(local.get())) {
            return openLocal(url, local.get());
        }
        String http = "http://" + u.host() + ":" + port(context) + "/" + u.path();
        try {
            InputLink link = context.resolver().open(http, context);
            return new InputLink(link.stream(), link.size(), http);
        } catch (DataException e) {
            throw new DataException(e.detail() + " (read as " + http + ")", url, e);
        }
    }

    /**
     * Where {@code u} is on this machine, if its host is the task's (or, outside a task, the
     * {@value #LOCAL_HOST_SETTING} setting's, with both data roots set).
     */
    private static Optional<Path> localPath(DiscoUrl u, SchemeContext context) {
        Optional<Task> task = context.task();
        if (task.isPresent()) {
            return u.netloc().equals(task.get().host())
                    ? u.localPath(task.get().ddfsData(), task.get().discoData()) : Optional.empty();
        }
        Optional<String> host = context.setting(LOCAL_HOST_SETTING);
        Optional<String> discoData = context.setting("DISCO_DATA");
        Optional<String> ddfsData = context.setting("DDFS_DATA");
        if (host.isEmpty() || !u.netloc().equals(host.get()) || discoData.isEmpty() || ddfsData.isEmpty()) {
            return Optional.empty();
        }
        return u.localPath(ddfsData.get(), discoData.get());
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
