package io.jdisco.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One in-process run of {@link Main#run} with captured standard output and error. */
public record CliRun(int status, byte[] out, String err) {
    /** Runs {@code args} with an environment without DISCO_MASTER. */
    public static CliRun of(String... args) {
        return with(Map.of(), args);
    }

    /** Runs {@code args} in environment {@code env}. */
    public static CliRun with(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, new Console(o, e, false, env));
        }
        return new CliRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output as UTF-8 text. */
    public String text() {
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Standard output's lines. */
    public List<String> lines() {
        return text().lines().toList();
    }

    /** A description for assertion messages. */
    public String describe() {
        return "status " + status + ", stderr:\n" + err;
    }
}
