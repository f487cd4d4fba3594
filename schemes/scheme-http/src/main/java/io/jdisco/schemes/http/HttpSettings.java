package io.jdisco.schemes.http;

import io.jdisco.worker.spi.SchemeContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code http://} and {@code https://} URLs are read; every value comes from a
 * {@link SchemeContext#setting setting} (job parameter, system property or environment).
 *
 * <table>
 * <caption>Settings and defaults</caption>
 * <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code jdisco.http.connectTimeoutMillis}</td><td>10000</td><td>TCP connect</td></tr>
 * <tr><td>{@code jdisco.http.readTimeoutMillis}</td><td>60000</td><td>longest wait for the
 *     response headers, and for each piece of the body</td></tr>
 * <tr><td>{@code jdisco.http.maxRetries}</td><td>5</td><td>retries after a connection failure
 *     or a 5xx answer, and resumes in a row without progress after a cut body</td></tr>
 * <tr><td>{@code jdisco.http.backoffBaseMillis}</td><td>1000</td><td>retry {@code n} (from 0)
 *     sleeps a random whole multiple of this between 1 and {@code 2^n}, as Disco's
 *     {@code comm.request} does with seconds</td></tr>
 * <tr><td>{@code jdisco.http.backoffMaxMillis}</td><td>30000</td><td>cap of one sleep</td></tr>
 * <tr><td>{@code DISCO_PROXY}</td><td>none</td><td>Disco proxy: {@code http://h:p/path} is read
 *     as {@code <proxy>/proxy/h/GET/path}</td></tr>
 * </table>
 *
 * <p>With the defaults a dead host is given up after at most about a minute (Disco's own
 * schedule, nine retries of up to 256 s, can take nine minutes). Immutable.
 */
public final class HttpSettings {
    /** Setting name of the connect timeout. */
    public static final String CONNECT_TIMEOUT = "jdisco.http.connectTimeoutMillis";
    /** Setting name of the read timeout. */
    public static final String READ_TIMEOUT = "jdisco.http.readTimeoutMillis";
    /** Setting name of the retry count. */
    public static final String MAX_RETRIES = "jdisco.http.maxRetries";
    /** Setting name of the back-off unit. */
    public static final String BACKOFF_BASE = "jdisco.http.backoffBaseMillis";
    /** Setting name of the back-off cap. */
    public static final String BACKOFF_MAX = "jdisco.http.backoffMaxMillis";
    /** Setting name of the Disco proxy URL. */
    public static final String PROXY = "DISCO_PROXY";

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxRetries;
    private final long backoffBaseMillis;
    private final long backoffMaxMillis;
    private final String proxy;

    private HttpSettings(Duration connectTimeout, Duration readTimeout, int maxRetries, long backoffBaseMillis,
            long backoffMaxMillis, String proxy) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxRetries = maxRetries;
        this.backoffBaseMillis = backoffBaseMillis;
        this.backoffMaxMillis = backoffMaxMillis;
        this.proxy = proxy;
    }

    /**
     * The settings {@code context} gives, defaults for the rest.
     *
     * @throws IllegalArgumentException naming the setting when a value is not a number in range
     */
    public static HttpSettings from(SchemeContext context) {
        Objects.requireNonNull(context, "context");
        long connect = number(context, CONNECT_TIMEOUT, 10_000, 1);
        long read = number(context, READ_TIMEOUT, 60_000, 1);
        long retries = number(context, MAX_RETRIES, 5, 0);
        long base = number(context, BACKOFF_BASE, 1_000, 0);
        long max = number(context, BACKOFF_MAX, 30_000, 0);
        if (retries > 1000) {
            throw new IllegalArgumentException(MAX_RETRIES + " must be at most 1000, got " + retries);
        }
        String proxy = context.setting(PROXY).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (proxy != null && !(proxy.startsWith("http://") || proxy.startsWith("https://"))) {
            throw new IllegalArgumentException(PROXY + " must be an http(s) URL, got \"" + proxy + "\"");
        }
        while (proxy != null && proxy.endsWith("/")) {
            proxy = proxy.substring(0, proxy.length() - 1);
        }
        return new HttpSettings(Duration.ofMillis(connect), Duration.ofMillis(read), (int) retries, base, max, proxy);
    }

    private static long number(SchemeContext context, String name, long dflt, long min) {
        Optional<String> v = context.setting(name);
        if (v.isEmpty() || v.get().isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.get().trim());
            if (n < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got \"" + v.get() + "\"", e);
        }
    }

    /** The TCP connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The longest wait for response headers and for each piece of a body. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Retries after a failed attempt (so {@code maxRetries + 1} attempts in all). */
    public int maxRetries() {
        return maxRetries;
    }

    /** The back-off unit in milliseconds. */
    public long backoffBaseMillis() {
        return backoffBaseMillis;
    }

    /** The longest single back-off sleep in milliseconds. */
    public long backoffMaxMillis() {
        return backoffMaxMillis;
    }

    /** The Disco proxy URL without trailing slash, when one is configured. */
    public Optional<String> proxy() {
        return Optional.ofNullable(proxy);
    }

    @Override
    public String toString() {
        return "HttpSettings[connect " + connectTimeout.toMillis() + " ms, read " + readTimeout.toMillis()
                + " ms, retries " + maxRetries + ", backoff " + backoffBaseMillis + ".." + backoffMaxMillis + " ms"
                + (proxy != null ? ", proxy " + proxy : "") + "]";
    }
}
