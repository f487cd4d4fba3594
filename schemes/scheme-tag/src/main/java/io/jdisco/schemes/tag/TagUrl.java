package io.jdisco.schemes.tag;

import io.jdisco.worker.spi.SchemeContext;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code tag://} URL split as Disco's {@code urlsplit} and {@code urltoken} do (SPEC §9.3,
 * §9.4):
 *
 * <pre>
 *   tag://[user:token@][host[:port]/]name        tag://name    tag://user:r@/disco:test:authjob
 * </pre>
 *
 * Without a {@code /} the whole rest is the name (so job names with {@code @} stay whole); an
 * empty host means the configured master.
 */
final class TagUrl {
    private static final String PREFIX = "tag://";

    private final String host;
    private final String port;
    private final String token;
    private final String name;

    private TagUrl(String host, String port, String token, String name) {
        this.host = host;
        this.port = port;
        this.token = token;
        this.name = name;
    }

    /** Parses {@code url}; {@link IllegalArgumentException} naming it when malformed. */
    static TagUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a tag:// URL: " + url);
        }
        String rest = url.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String netloc = slash < 0 ? "" : rest.substring(0, slash);
        String name = slash < 0 ? rest : rest.substring(slash + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tag URL names no tag: " + url);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == '/' || c == '?' || c == '#' || c == '%' || c == 0x7f) {
                throw new IllegalArgumentException("tag name holds '" + c + "' (only URL-safe characters are allowed): "
                        + url);
            }
        }
        String token = null;
        int at = netloc.indexOf('@');
        if (at >= 0) {
            String user = netloc.substring(0, at);
            int colon = user.indexOf(':');
            token = colon >= 0 ? user.substring(colon + 1) : user;
            netloc = netloc.substring(at + 1);
        }
        int colon = netloc.indexOf(':');
        String host = colon < 0 ? netloc : netloc.substring(0, colon);
        String port = colon < 0 ? "" : netloc.substring(colon + 1);
        if (!port.isEmpty() && !port.chars().allMatch(Character::isDigit) || host.isEmpty() && !port.isEmpty()) {
            throw new IllegalArgumentException("tag URL has a malformed host or port: " + url);
        }
        return new TagUrl(host, port, token, name);
    }

    /** The tag name. */
    String name() {
        return name;
    }

    /** The token in the URL, if any. */
    Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** A link found inside this tag, inheriting this tag's host, port and token where it has none. */
    TagUrl child(TagUrl link) {
        boolean noHost = link.host.isEmpty();
        return new TagUrl(noHost ? host : link.host, noHost ? port : link.port,
                link.token != null ? link.token : token, link.name);
    }

    /** Identity for loop detection: where the tag lives and its name. */
    String key() {
        return host + ":" + port + "/" + name;
    }

    /**
     * {@code <master>/ddfs/tag/<name>}: the master is the configured one when there is no host,
     * else {@code http://host:port} (the nodes' {@code DISCO_PORT} when no port is given).
     */
    String fetchUrl(SchemeContext context, int discoPort) {
        String master;
        if (host.isEmpty()) {
            master = context.master();
            while (master.endsWith("/")) {
                master = master.substring(0, master.length() - 1);
            }
        } else {
            master = "http://" + host + ":" + (port.isEmpty() ? String.valueOf(discoPort) : port);
        }
        return master + "/ddfs/tag/" + name;
    }

    @Override
    public String toString() {
        String netloc = (token != null ? "token:***@" : "") + host + (port.isEmpty() ? "" : ":" + port);
        return PREFIX + (netloc.isEmpty() ? "" : netloc + "/") + name;
    }
}
