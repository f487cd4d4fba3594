package io.jdisco.local.internal.status;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.internal.http.Exchanges;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The status pages' files, served from the jar ({@code io/jdisco/local/ui/}): {@code /} is the
 * jobs page, {@code /job/<name>} a job's page (the same HTML for every job: its script reads the
 * name from the address and asks the JSON API), {@code /ui/assets/<file>} the style sheet, the
 * script and the icon. Nothing comes from another site, so the pages work without a network.
 *
 * <p>Every file is sent with headers that keep a job's text from becoming code: a strict
 * {@code Content-Security-Policy} (only this master's scripts, styles and connections; no inline
 * script), {@code X-Content-Type-Options: nosniff}, and, against clickjacking of the Kill and
 * Purge buttons, {@code X-Frame-Options: DENY} and {@code frame-ancestors 'none'}. Files are
 * revalidated on each use ({@code Cache-Control: no-cache} with an {@code ETag}), so a newer
 * master's pages show at once. Immutable; the files are read once, when the class loads.
 */
public final class StatusPages {
    /** The policy of every page and asset. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String ROOT = "/io/jdisco/local/ui/";
    private static final Map<String, Asset> ASSETS = Map.of(
            "jobs.html", load("jobs.html", "text/html; charset=utf-8"),
            "job.html", load("job.html", "text/html; charset=utf-8"),
            "status.css", load("status.css", "text/css; charset=utf-8"),
            "status.js", load("status.js", "text/javascript; charset=utf-8"),
            "icon.svg", load("icon.svg", "image/svg+xml"));

    /** A file: its bytes, type and entity tag. */
    private record Asset(byte[] bytes, String type, String etag) {
    }

    private StatusPages() {
    }

    /** True for the paths this class answers ({@code GET}/{@code HEAD} only). */
    public static boolean handles(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD"))
                && (path.equals("/") || path.startsWith("/job/") || path.startsWith("/ui/"));
    }

    /** Answers {@code path} (one {@link #handles} accepts): the page or asset, or 404. */
    public static void serve(HttpExchange ex, String path) throws IOException {
        Optional<Asset> asset = find(path);
        if (asset.isEmpty()) {
            Exchanges.error(ex, 404, "no such page: " + path);
            return;
        }
        Asset a = asset.get();
        var h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-cache");
        h.set("ETag", a.etag());
        if (a.etag().equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        Exchanges.bytes(ex, 200, a.type(), a.bytes());
    }

    private static Optional<Asset> find(String path) {
        if (path.equals("/")) {
            return Optional.of(ASSETS.get("jobs.html"));
        }
        if (path.startsWith("/job/") && path.length() > "/job/".length()) {
            return Optional.of(ASSETS.get("job.html"));
        }
        String prefix = "/ui/assets/";
        if (path.startsWith(prefix) && !path.endsWith(".html")) {
            return Optional.ofNullable(ASSETS.get(path.substring(prefix.length())));
        }
        return Optional.empty();
    }

    private static Asset load(String name, String type) {
        try (InputStream in = StatusPages.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the status page file " + ROOT + name + " is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, type, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status page file " + ROOT + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
