package io.jdisco.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a command writes and what it knows of its surroundings: standard output (results, as
 * bytes), standard error (progress, errors), whether standard error is a terminal (progress is
 * then redrawn in place), and the environment ({@code DISCO_MASTER}, {@code DISCO_PORT}).
 * Tests pass their own streams and environment to run commands in-process.
 */
public final class Console {
    /** This process's standard output as a channel; never closed (that would close descriptor 1). */
    private static final FileChannel STDOUT = new FileOutputStream(FileDescriptor.out).getChannel();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Map<String, String> env;
    private final FileChannel outChannel;
    private final boolean verbose;

    /** A console writing to {@code out} and {@code err}. */
    public Console(PrintStream out, PrintStream err, boolean terminal, Map<String, String> env) {
        this(out, err, terminal, env, null, false);
    }

    private Console(PrintStream out, PrintStream err, boolean terminal, Map<String, String> env,
            FileChannel outChannel, boolean verbose) {
        this.outChannel = outChannel;
        this.verbose = verbose;
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** The process's own streams and environment; a terminal when {@link System#console()} exists. */
    public static Console system() {
        return new Console(System.out, System.err, System.console() != null, System.getenv(), STDOUT, false);
    }

    /** This console, telling failures in full ({@code --verbose}: stack traces) when {@code verbose}. */
    public Console verbose(boolean verbose) {
        return new Console(out, err, terminal, env, outChannel, verbose);
    }

    /** True when failures are told in full, with the worker's stack trace ({@code -v}, {@code --verbose}). */
    public boolean verbose() {
        return verbose;
    }

    /** Standard output. */
    public PrintStream out() {
        return out;
    }

    /**
     * Standard output as a channel, for copying files to it in the kernel
     * ({@link FileChannel#transferTo}), when it is this process's own descriptor; empty for a
     * console over other streams. Flush {@link #out()} before writing to it, and never close it.
     */
    public Optional<FileChannel> outChannel() {
        return Optional.ofNullable(outChannel);
    }

    /** Standard error. */
    public PrintStream err() {
        return err;
    }

    /** True when progress may be redrawn in place with {@code \r}. */
    public boolean terminal() {
        return terminal;
    }

    /** The environment variable {@code name}, or {@code null}. */
    public String env(String name) {
        return env.get(name);
    }
}
