package io.jdisco.local.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.LocalMasterConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every request to the master passes before a route sees it. Submitting a job runs
 * its code as the user, so the master must not answer:
 *
 * <ul>
 *   <li>a web page the user happens to visit: a browser lets any page send a "simple" cross-site
 *       POST (e.g. {@code text/plain}) without asking, but marks it with the page's
 *       {@code Origin}. A present {@code Origin} must be the master's own
 *       ({@code http://<allowed host>:<port>}); {@code Origin: null} is foreign. An absent one is
 *       fine: non-browser clients (Python Disco, jdisco, curl) send none.</li>
 *   <li>DNS rebinding: a page whose own name the attacker re-points to 127.0.0.1 is same-origin
 *       with the master as far as the browser knows, but its requests carry that name in
 *       {@code Host}. {@code Host} must be one of the master's names: {@code localhost}, the
 *       node name ({@code --host}), a loopback address literal, the bind address, or, bound to
 *       the wildcard, an address of one of this machine's interfaces; with the master's port
 *       (a {@code Host} without a port means port 80). A request without {@code Host}
 *       (HTTP/1.0) passes this check: browsers always send one, so it is not a rebinding
 *       attack, and the {@code Origin} check still applies.</li>
 *   <li>other hosts, when the master listens beyond loopback: it then has a token, and a request
 *       whose peer is not a loopback address must carry {@code Authorization: Bearer <token>}
 *       (compared in constant time), else 401. Loopback peers pass without it, so the workers
 *       the master starts, which may be Python processes that send no such header, keep working.</li>
 * </ul>
 *
 * <p>Refusals are 403 (401 for the token) with a JSON string naming the reason, as the master's
 * other errors. The in-process transport's requests come from this JVM with the master's own
 * {@code Host} and a loopback peer ({@link LocalExchange}), so they pass. Thread-safe, immutable.
 */
public final class RequestGuard {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\\]");

    private final int port;
    private final Set<String> names;
    private final Set<InetAddress> addresses;
    private final byte[] token;

    /**
     * A guard for a master on {@code port} known by the host {@code names} (compared ignoring
     * case), the loopback addresses and {@code addresses}, demanding {@code token} from peers
     * that are not loopback (none when {@code null}).
     */
    RequestGuard(int port, Collection<String> names, Collection<InetAddress> addresses, String token) {
        this.port = port;
        Set<String> lower = new LinkedHashSet<>();
        names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        this.names = Collections.unmodifiableSet(lower);
        this.addresses = Set.copyOf(addresses);
        this.token = token == null ? null : token.getBytes(StandardCharsets.US_ASCII);
    }

    /** The guard of a master configured by {@code config} that listens on {@code port}. */
    public static RequestGuard of(LocalMasterConfig config, int port) {
        Objects.requireNonNull(config, "config");
        Set<InetAddress> addresses = new LinkedHashSet<>();
        InetAddress bind = config.bindAddress();
        if (bind.isAnyLocalAddress()) {
            addresses.addAll(interfaceAddresses());
        } else {
            addresses.add(bind);
        }
        return new RequestGuard(port, List.of("localhost", config.host()), addresses, config.token().orElse(null));
    }

    /** A refused request's status and the reason sent to the client. */
    record Refusal(int status, String text) {
    }

    /**
     * True when {@code ex} may go on to the routes; otherwise answers it with the refusal and
     * returns false.
     */
    public boolean admit(HttpExchange ex) throws IOException {
        InetSocketAddress remote = ex.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        Optional<Refusal> refusal = check(ex.getRequestHeaders(), peer);
        if (refusal.isEmpty()) {
            return true;
        }
        LOG.warn("refused {} {} from {}: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), remote,
                refusal.get().text());
        if (refusal.get().status() == 401) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"jdisco local master\"");
        }
        Exchanges.error(ex, refusal.get().status(), refusal.get().text());
        return false;
    }

    /** The refusal of a request with {@code headers} from {@code peer} (null: unknown), or empty to admit it. */
    Optional<Refusal> check(Headers headers, InetAddress peer) {
        if (token != null && (peer == null || !peer.isLoopbackAddress()) && !carriesToken(headers)) {
            return Optional.of(new Refusal(401, "this master needs its token from clients on other hosts: send"
                    + " 'Authorization: Bearer <token>' (jdisco's client: set JDISCO_TOKEN_FILE to the token file)"));
        }
        List<String> hosts = headers.getOrDefault("Host", List.of());
        if (hosts.size() > 1) {
            return Optional.of(new Refusal(403, "refused: the request has more than one Host header"));
        }
        if (hosts.size() == 1 && !ours(hosts.get(0).trim())) {
            return Optional.of(new Refusal(403, "refused: Host '" + shown(hosts.get(0)) + "' is not this master's"
                    + " address (localhost, 127.0.0.1, [::1], its --host or --bind address, with port " + port
                    + "); a web page must not reach the master through a name of its own (DNS rebinding)"));
        }
        List<String> origins = headers.getOrDefault("Origin", List.of());
        if (origins.size() > 1) {
            return Optional.of(new Refusal(403, "refused: the request has more than one Origin header"));
        }
        if (origins.size() == 1 && !ownOrigin(origins.get(0).trim())) {
            return Optional.of(new Refusal(403, "refused: a request sent by the web page of origin '"
                    + shown(origins.get(0)) + "'; the master answers no web page but its own (http://localhost:"
                    + port + ")"));
        }
        return Optional.empty();
    }

    private boolean carriesToken(Headers headers) {
        List<String> values = headers.getOrDefault("Authorization", List.of());
        if (values.size() != 1) {
            return false;
        }
        String value = values.get(0).trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return false;
        }
        byte[] sent = value.substring(space + 1).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(sent, token);
    }

    /** True for {@code http://<authority>} with one of our authorities. */
    private boolean ownOrigin(String origin) {
        String scheme = "http://";
        return origin.regionMatches(true, 0, scheme, 0, scheme.length())
                && ours(origin.substring(scheme.length()));
    }

    /** True for {@code host[:port]} naming this master: an allowed host and our port (80 when absent). */
    private boolean ours(String authority) {
        String host;
        String rest;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = authority.substring(0, close + 1);
            rest = authority.substring(close + 1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            rest = colon < 0 ? "" : authority.substring(colon);
        }
        int p;
        if (rest.isEmpty()) {
            p = 80;
        } else if (rest.matches(":\\d{1,5}")) {
            p = Integer.parseInt(rest.substring(1));
        } else {
            return false;
        }
        return p == port && allowedHost(host.toLowerCase(Locale.ROOT));
    }

    private boolean allowedHost(String host) {
        if (names.contains(host)) {
            return true;
        }
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            return false;
        }
        try {
            // A literal (checked above), so no name is looked up.
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || addresses.contains(address);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The addresses of this machine's interfaces, for a master listening on all of them. */
    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> out = new LinkedHashSet<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    out.add(withoutScope(a));
                }
            }
        } catch (SocketException e) {
            LOG.warn("cannot list the network interfaces; only loopback and --host names are accepted in Host", e);
        }
        return out;
    }

    /** {@code a} without an IPv6 scope (a {@code Host} header carries none). */
    private static InetAddress withoutScope(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an interface address of " + a.getAddress().length + " bytes", e);
        }
    }

    /** A header value for an error text: at most 100 characters, control characters escaped. */
    private static String shown(String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length() && i < 100; i++) {
            char c = value.charAt(i);
            b.append(c < ' ' || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return value.length() > 100 ? b + "..." : b.toString();
    }
}
