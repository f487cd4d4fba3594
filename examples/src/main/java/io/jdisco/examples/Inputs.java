package io.jdisco.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns command-line inputs into job inputs: text with {@code ://} is a URL and passes through
 * (any scheme on the class path); anything else is a local path, made an absolute
 * {@code file://} URL — a relative one would be resolved against the worker's job home.
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * The URLs of {@code args}.
     *
     * @throws UsageException when a local path is not a readable file
     */
    public static List<String> urls(List<String> args) {
        List<String> urls = new ArrayList<>(args.size());
        for (String a : args) {
            urls.add(url(a));
        }
        return urls;
    }

    /** The URL of one argument; see {@link #urls}. */
    public static String url(String arg) {
        if (arg.contains("://")) {
            return arg;
        }
        Path p = Path.of(arg).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UsageException("input '" + arg + "' is not a readable file (" + p + ")");
        }
        return "file://" + p;
    }
}
