package io.jdisco.worker.core.jobpack;

import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The base worker's jobdict and jobenvs (the seed's {@code Worker.jobdict} and
 * {@code Worker.jobenvs}), built from values a {@link Lookup} resolves: the worker passes its
 * {@code getitem}, so the values come from the job arguments, then the job, then the worker's
 * parameters, as in the seed.
 */
public final class JobDicts {
    /** Resolves a job value: {@code key}'s value, or {@code dflt} when none is set. */
    @FunctionalInterface
    public interface Lookup {
        /** The value of {@code key}, else {@code dflt}. */
        Object get(String key, Object dflt);
    }

    private JobDicts() {
    }

    /**
     * The basic jobdict: {@code worker} ({@code bin}), {@code prefix} (the job's {@code name}, else
     * {@code prefix}), {@code save_results}, {@code save_info}, {@code scheduler}, {@code owner}
     * (default {@code user@host}), in that order.
     *
     * @throws IllegalArgumentException when no prefix is given
     */
    public static Map<String, Object> basic(String bin, Lookup values) {
        Objects.requireNonNull(bin, "bin");
        Objects.requireNonNull(values, "values");
        Object prefix = values.get("name", values.get("prefix", null));
        if (!(prefix instanceof String)) {
            throw new IllegalArgumentException("the job needs a 'prefix' (or 'name') string, got " + prefix);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("worker", bin);
        d.put("prefix", prefix);
        d.put("save_results", values.get("save_results", false));
        d.put("save_info", values.get("save_info", "ddfs"));
        d.put("scheduler", values.get("scheduler", new LinkedHashMap<String, Object>()));
        d.put("owner", values.get("owner", defaultOwner()));
        return d;
    }

    /**
     * The job's environment: {@code LD_LIBRARY_PATH=lib} plus the string map {@code jobenvs}, if
     * any.
     *
     * @throws IllegalArgumentException when {@code jobenvs} is not a map of strings
     */
    public static Map<String, String> envs(Lookup values) {
        Objects.requireNonNull(values, "values");
        Map<String, String> envs = new LinkedHashMap<>();
        envs.put("LD_LIBRARY_PATH", "lib");
        Object extra = values.get("jobenvs", Map.of());
        if (!(extra instanceof Map)) {
            throw new IllegalArgumentException("parameter 'jobenvs' must be a map of strings, got " + extra);
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) extra).entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof String)) {
                throw new IllegalArgumentException("jobenvs entry " + e + " must map a string to a string");
            }
            envs.put((String) e.getKey(), (String) e.getValue());
        }
        return envs;
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }

    /**
     * A worker's default parameters ({@code Worker.defaults}): {@code save_results} false,
     * {@code save_info} "ddfs", {@code profile} false, {@code required_files} empty,
     * {@code required_modules} {@code null} (found from the job functions). A new, mutable map.
     *
     * @return the defaults
     */
    public static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("save_results", false);
        d.put("save_info", "ddfs");
        d.put("profile", false);
        d.put("required_files", new LinkedHashMap<String, Object>());
        d.put("required_modules", null);
        return d;
    }
}
