package io.jdisco.schemes.http.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * An {@code http(s)://} URL checked and split for a request: the URI to send (without user
 * info), the {@code Authorization} header the user info asks for, and the URL to name in errors
 * (its password masked).
 *
 * <p>User info is how a scheme asks for a token without an extra API: DDFS wants
 * {@code Authorization: Basic base64("token:<token>")} (SPEC §9.4), which is exactly what
 * {@code http://token:<token>@host/...} means.
 */
public final class HttpTarget {
    private final URI uri;
    private final String authorization;
    private final String display;

    private HttpTarget(URI uri, String authorization, String display) {
        this.uri = uri;
        this.authorization = authorization;
        this.display = display;
    }

    /**
     * Parses {@code url}.
     *
     * @throws IllegalArgumentException naming the URL when it is not a well-formed
     *     {@code http://} or {@code https://} URL with a host
     */
    public static HttpTarget parse(String url) {
        Objects.requireNonNull(url, "url");
        URI u;
        try {
            u = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("malformed URL " + masked(url) + ": " + e.getMessage(), e);
        }
        String scheme = u.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("not an http(s) URL: " + masked(url));
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL has no (valid) host: " + masked(url));
        }
        if (u.getPort() > 65535) {
            throw new IllegalArgumentException("port out of range in URL " + masked(url));
        }
        String auth = null;
        if (u.getRawUserInfo() != null) {
            auth = "Basic " + Base64.getEncoder().encodeToString(u.getUserInfo().getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder s = new StringBuilder(scheme).append("://").append(u.getHost());
        if (u.getPort() >= 0) {
            s.append(':').append(u.getPort());
        }
        String path = u.getRawPath();
        s.append(path == null || path.isEmpty() ? "/" : path);
        if (u.getRawQuery() != null) {
            s.append('?').append(u.getRawQuery());
        }
        return new HttpTarget(URI.create(s.toString()), auth, masked(url));
    }

    /**
     * {@code url} read through a Disco proxy, as Disco's {@code proxy_url(url, to_master=False)}:
     * {@code http://host[:port]/path} becomes {@code <proxy>/proxy/host/GET/path}.
     */
    public static String proxied(String url, String proxy) {
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String netloc = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = netloc.lastIndexOf('@');
        String host = at >= 0 ? netloc.substring(at + 1) : netloc;
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        String userinfo = at >= 0 ? netloc.substring(0, at + 1) : "";
        String p = proxy;
        if (!userinfo.isEmpty()) {
            int i = p.indexOf("://") + 3;
            p = p.substring(0, i) + userinfo + p.substring(i);
        }
        return p + "/proxy/" + host + "/GET/" + path;
    }

    /** {@code url} with the password of its user info replaced by {@code ***}. */
    public static String masked(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return url;
        }
        int end = url.indexOf('/', start + 3);
        int at = url.lastIndexOf('@', end < 0 ? url.length() - 1 : end);
        if (at <= start) {
            return url;
        }
        int colon = url.indexOf(':', start + 3);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + "***" + url.substring(at);
    }

    /** This target named as {@code url} in messages (the URL the caller asked for, say). */
    public HttpTarget namedAs(String url) {
        return new HttpTarget(uri, authorization, masked(url));
    }

    /** The URI to request: no user info, no fragment. */
    public URI uri() {
        return uri;
    }

    /** The {@code Authorization} header value, or {@code null}. */
    public String authorization() {
        return authorization;
    }

    /** The URL to name in messages, password masked. */
    public String display() {
        return display;
    }

    @Override
    public String toString() {
        return display;
    }
}
