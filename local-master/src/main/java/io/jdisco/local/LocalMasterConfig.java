package io.jdisco.local;

import io.jdisco.worker.core.client.MasterToken;
import io.jdisco.worker.core.jobhome.ExtractionLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link LocalMaster} runs: where it listens and keeps its data, how many worker slots it
 * has, how failures are retried, and its protocol timers (SPEC §2.5). Immutable; made by
 * {@link #builder()}.
 *
 * <p>The defaults follow the real master where that works on one machine: pid, mid-message and
 * last-words timers of 30 s, 30 s and 10 s. Two defaults deliberately differ: a task is re-run
 * after a short back-off of {@code min(n × 100 ms, 2 s)} (the real master waits
 * {@code min(n s, 60 s) + random(0–30 s)}, made to let a cluster recover, pointless on a laptop),
 * and a job dies after more than 10 failures of one task (the real {@code max_failure_rate} is
 * 100, which on one host only multiplies the waiting).
 *
 * <p>Workers run as processes by default ({@link WorkerMode#PROCESSES}), as on a Disco node;
 * {@link WorkerMode#THREADS} runs jdisco workers on threads of the master's JVM for small jobs,
 * where starting a JVM per task costs more than the task; {@link WorkerMode#REUSED_PROCESSES} runs
 * a jdisco job's tasks one after another in a few worker processes, for jobs of many tasks.
 */
public final class LocalMasterConfig {
    /**
     * How the master runs a task's worker. Either way the master speaks the same worker protocol
     * bytes with it (DESIGN §1), through the same parser, rate limiter, timers and retries.
     */
    public enum WorkerMode {
        /**
         * Each task's {@code bin/worker} runs as a child process (SPEC §1.2), as a Disco node runs
         * it: isolated, with its own heap and JVM options, killable with its descendants. Any
         * worker executable (Python, shell, Java) runs this way. The default.
         */
        PROCESSES,
        /**
         * A jdisco job's worker processes each run several of its tasks, one after the other
         * ({@code io.jdisco.worker.core.SessionLoop}): a task starts on an idle worker of its job
         * when there is one, so a job with many tasks starts about as many JVMs as there are slots,
         * and every task after the first on a JVM runs code already loaded and compiled. Each
         * worker is still a process started as a Disco node starts one (cwd = job home, the job's
         * JVM options and environment, its own heap), speaking the same protocol for each task; a
         * worker whose task did not end with {@code DONE} is killed, and the idle ones are killed
         * when the job ends. Tasks of one job share a JVM's static state. Jobs that are not
         * jdisco's run a process per task.
         */
        REUSED_PROCESSES,
        /**
         * A jdisco job's worker runs on a thread of the master's JVM, connected by in-memory pipes:
         * no JVM start per task (~0.4–1 s each), which dominates small jobs. The task shares the
         * master's heap, system properties, {@code System.out}/{@code System.err} (prints are not
         * turned into {@code MSG}s) and working directory (paths the job derives from its task are
         * absolute; a relative path in user code is not resolved against the job home); it sees
         * the master's environment minus the Disco settings plus the jobenvs through its scheme
         * settings, not through {@link System#getenv()}. Its classes come from the master's class
         * loader first, then from the job home's {@code lib/*.jar} and {@code classes/}. A kill
         * breaks its pipes and interrupts the thread. Jobs whose worker executable does not start
         * jdisco's {@code WorkerMain}, or whose job data is not jdisco's, still run as processes.
         */
        THREADS
    }

    /** The default {@linkplain #idleTimeout() task timeout}: 10 minutes without a protocol message. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final int port;
    private final Path dataRoot;
    private final String host;
    private final int slots;
    private final int maxFailures;
    private final Duration retryBackoff;
    private final Duration maxRetryBackoff;
    private final Duration pidTimeout;
    private final Duration messageTimeout;
    private final Duration lastWordsTimeout;
    private final Duration taskTimeout;
    private final boolean nice;
    private final WorkerMode workers;
    private final ExtractionLimits jobHomeLimits;
    private final Duration idleTimeout;
    private final InetAddress bind;
    private final String token;
    private final long maxBlobBytes;
    private final long maxPackBytes;

    private LocalMasterConfig(Builder b) {
        this.port = b.port;
        this.dataRoot = b.dataRoot;
        this.host = b.host;
        this.slots = b.slots != null ? b.slots : defaultSlots(b.workers);
        this.maxFailures = b.maxFailures;
        this.retryBackoff = b.retryBackoff;
        this.maxRetryBackoff = b.maxRetryBackoff;
        this.pidTimeout = b.pidTimeout;
        this.messageTimeout = b.messageTimeout;
        this.lastWordsTimeout = b.lastWordsTimeout;
        this.taskTimeout = b.taskTimeout;
        this.nice = b.nice;
        this.workers = b.workers;
        this.jobHomeLimits = b.jobHomeLimits;
        this.idleTimeout = b.idleTimeout;
        this.bind = b.bind;
        this.token = b.token;
        this.maxBlobBytes = b.maxBlobBytes;
        this.maxPackBytes = b.maxPackBytes;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The slots a master has unless told: one per core, and two per core when the workers are
     * {@linkplain WorkerMode#THREADS threads}. A worker on a thread waits for the master's answer
     * to each of its protocol requests while the master's session thread works, and the session
     * thread waits for the worker the rest of the time: one task keeps about half a core busy, so
     * with one slot per core the cores idle a third of the time when tasks are small (10,000
     * inputs of one line: 11.8 s with 2 slots, 9.7 s with 4, on 2 cores; bench/README.md).
     */
    public static int defaultSlots(WorkerMode workers) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Objects.requireNonNull(workers, "workers") == WorkerMode.THREADS ? 2 * cores : cores;
    }

    /** The default configuration: a free port, a fresh temporary data root, one slot per core. */
    public static LocalMasterConfig defaults() {
        return builder().build();
    }

    /** The HTTP port on 127.0.0.1; 0 means a free port chosen at start. */
    public int port() {
        return port;
    }

    /** The data root; empty means a fresh temporary directory, deleted by {@link LocalMaster#close()}. */
    public Optional<Path> dataRoot() {
        return Optional.ofNullable(dataRoot);
    }

    /** The node's host name, as it appears in {@code disco://} and {@code dir://} URLs. */
    public String host() {
        return host;
    }

    /** How many tasks run at once. */
    public int slots() {
        return slots;
    }

    /** How many failures of one task are tolerated; one more kills the job. */
    public int maxFailures() {
        return maxFailures;
    }

    /** The back-off before re-run {@code n} of a failed task is {@code min(n × retryBackoff, maxRetryBackoff)}. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** The longest back-off before a re-run. */
    public Duration maxRetryBackoff() {
        return maxRetryBackoff;
    }

    /** How long a new worker may stay silent before the task fails ("did not send its PID"). */
    public Duration pidTimeout() {
        return pidTimeout;
    }

    /** How long a partial frame may sit without new bytes ("stuck in the middle of a message"). */
    public Duration messageTimeout() {
        return messageTimeout;
    }

    /** How long "last words" are collected after a framing error. */
    public Duration lastWordsTimeout() {
        return lastWordsTimeout;
    }

    /**
     * The longest a task attempt may run in all, or empty for no limit (the default; the real
     * master has none). A task that is alive but slow is ended by this limit only; a silent or
     * stopped worker is ended by {@link #idleTimeout()}.
     */
    public Optional<Duration> taskTimeout() {
        return Optional.ofNullable(taskTimeout);
    }

    /** True when workers are started under {@code nice -n 19} (if {@code nice} exists), as the master does. */
    public boolean nice() {
        return nice;
    }

    /** How workers run: a process per task (the default), reused processes, or threads of the master's JVM. */
    public WorkerMode workers() {
        return workers;
    }

    /**
     * How much a submitted job home may unpack to (in all, and per entry as a ratio of its
     * compressed size); a job home past them fails its job with an event naming the entry.
     */
    public ExtractionLimits jobHomeLimits() {
        return jobHomeLimits;
    }

    /**
     * The task timeout: how long a worker may send no protocol bytes before its attempt is killed
     * and retried like a crashed one (a stopped, hung or deadlocked worker), or empty for none.
     * Default 10 minutes; {@code jdisco master --task-timeout SECONDS}. A task that computes longer
     * than this without a word must send status messages, or the master needs a longer timeout.
     */
    public Optional<Duration> idleTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    /**
     * The address the master listens on besides loopback: a loopback address (the default,
     * {@link InetAddress#getLoopbackAddress()}) for this machine only, the wildcard
     * ({@code 0.0.0.0}, {@code ::}) for every interface, or one interface's address. Beyond
     * loopback a {@linkplain #token() token} is required.
     */
    public InetAddress bindAddress() {
        return bind;
    }

    /**
     * The shared secret a client whose address is not a loopback one must send as
     * {@code Authorization: Bearer <token>}, or empty when the master has none (then it may only
     * listen on loopback).
     */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The largest DDFS blob a {@code PUT} may store; a larger one gets 413 (default 1 GiB). */
    public long maxBlobBytes() {
        return maxBlobBytes;
    }

    /** The largest job pack {@code POST /disco/job/new} accepts, held in memory; larger gets 413 (default 256 MiB). */
    public long maxPackBytes() {
        return maxPackBytes;
    }

    @Override
    public String toString() {
        return "LocalMasterConfig[port " + port + ", data " + (dataRoot == null ? "(temporary)" : dataRoot)
                + ", host " + host + ", " + slots + " slots, max failures " + maxFailures + ", workers "
                + workers.name().toLowerCase(java.util.Locale.ROOT) + ", bind " + bind.getHostAddress()
                + (token == null ? "" : " with a token") + "]";
    }

    /** Builds a {@link LocalMasterConfig}. */
    public static final class Builder {
        private int port;
        private Path dataRoot;
        private String host = "localhost";
        private Integer slots;
        private int maxFailures = 10;
        private Duration retryBackoff = Duration.ofMillis(100);
        private Duration maxRetryBackoff = Duration.ofSeconds(2);
        private Duration pidTimeout = Duration.ofSeconds(30);
        private Duration messageTimeout = Duration.ofSeconds(30);
        private Duration lastWordsTimeout = Duration.ofSeconds(10);
        private Duration taskTimeout;
        private boolean nice = true;
        private WorkerMode workers = WorkerMode.PROCESSES;
        private ExtractionLimits jobHomeLimits = ExtractionLimits.defaults();
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private String token;
        private long maxBlobBytes = 1L << 30;
        private long maxPackBytes = 256L << 20;

        private Builder() {
        }

        /** The port (0: choose a free one). */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port " + value + " is not in 0..65535");
            }
            this.port = value;
            return this;
        }

        /** The data root, created if missing and kept by {@link LocalMaster#close()}. */
        public Builder dataRoot(Path value) {
            this.dataRoot = Objects.requireNonNull(value, "value").toAbsolutePath();
            return this;
        }

        /** The host name used in URLs (default {@code localhost}). */
        public Builder host(String value) {
            Objects.requireNonNull(value, "value");
            if (!value.matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException("host name '" + value + "' must be made of [A-Za-z0-9_.-]");
            }
            this.host = value;
            return this;
        }

        /** The number of worker slots (default: {@link LocalMasterConfig#defaultSlots}). */
        public Builder slots(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("slots must be at least 1, got " + value);
            }
            this.slots = value;
            return this;
        }

        /** Failures tolerated per task before the job dies (default 10). */
        public Builder maxFailures(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxFailures must be >= 0, got " + value);
            }
            this.maxFailures = value;
            return this;
        }

        /** The back-off step and its cap (defaults 100 ms and 2 s). */
        public Builder retryBackoff(Duration step, Duration max) {
            this.retryBackoff = nonNegative(step, "step");
            this.maxRetryBackoff = nonNegative(max, "max");
            return this;
        }

        /** The first-data timer (default 30 s). */
        public Builder pidTimeout(Duration value) {
            this.pidTimeout = positive(value, "pidTimeout");
            return this;
        }

        /** The mid-message timer (default 30 s). */
        public Builder messageTimeout(Duration value) {
            this.messageTimeout = positive(value, "messageTimeout");
            return this;
        }

        /** The last-words collection time (default 10 s). */
        public Builder lastWordsTimeout(Duration value) {
            this.lastWordsTimeout = positive(value, "lastWordsTimeout");
            return this;
        }

        /** A per-attempt time limit; {@code null} for none (the default). */
        public Builder taskTimeout(Duration value) {
            this.taskTimeout = value == null ? null : positive(value, "taskTimeout");
            return this;
        }

        /** Whether to start workers under {@code nice -n 19} (default true). */
        public Builder nice(boolean value) {
            this.nice = value;
            return this;
        }

        /** How workers run (default {@link WorkerMode#PROCESSES}). */
        public Builder workers(WorkerMode value) {
            this.workers = Objects.requireNonNull(value, "value");
            return this;
        }

        /** The limits on unpacking a job home (default {@link ExtractionLimits#defaults()}: 1 GiB, ratio 200). */
        public Builder jobHomeLimits(ExtractionLimits value) {
            this.jobHomeLimits = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * The address to listen on besides loopback, an IP address literal ({@code 0.0.0.0},
         * {@code 192.168.1.5}, {@code ::}, {@code [fd00::2]}) or {@code localhost}; names are not
         * resolved. Default: the loopback address. Anything but loopback needs a {@link #token}.
         */
        public Builder bind(String address) {
            this.bind = ipLiteral(Objects.requireNonNull(address, "address"));
            return this;
        }

        /**
         * The task timeout: the longest a worker may stay silent (default 10 minutes); zero or
         * {@code null} for none.
         */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = value == null || value.isZero() ? null : positive(value, "idleTimeout");
            return this;
        }


        /**
         * The shared secret clients from other hosts must send (see {@link LocalMasterConfig#token()});
         * {@code null} for none (the default). Read it from a private file with
         * {@link MasterToken#read}.
         *
         * @throws IllegalArgumentException when it is not 1–1024 printable ASCII characters without spaces
         */
        public Builder token(String value) {
            this.token = value == null ? null : MasterToken.check(value);
            return this;
        }

        /** The largest DDFS blob accepted, in bytes (default 1 GiB). */
        public Builder maxBlobBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBlobBytes must be at least 1, got " + value);
            }
            this.maxBlobBytes = value;
            return this;
        }

        /** The largest job pack accepted, in bytes, at most 2 GiB − 9 (held in memory; default 256 MiB). */
        public Builder maxPackBytes(long value) {
            if (value < 1 || value > Integer.MAX_VALUE - 9) {
                throw new IllegalArgumentException("maxPackBytes must be in 1.." + (Integer.MAX_VALUE - 9) + ", got "
                        + value);
            }
            this.maxPackBytes = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException when the master would listen beyond loopback without a token
         */
        public LocalMasterConfig build() {
            if (!bind.isLoopbackAddress() && token == null) {
                throw new IllegalArgumentException("listening on " + bind.getHostAddress() + ", beyond loopback,"
                        + " needs a token that clients on other hosts must send (--token FILE; see 'Security' in"
                        + " the local-master README)");
            }
            return new LocalMasterConfig(this);
        }

        /** {@code text} as an address, without a DNS lookup: only literals and {@code localhost} are taken. */
        private static InetAddress ipLiteral(String text) {
            String t = text.trim();
            if (t.equalsIgnoreCase("localhost")) {
                return InetAddress.getLoopbackAddress();
            }
            boolean v4 = t.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
            String v6 = t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : t;
            if (v4 || (v6.contains(":") && v6.matches("[0-9A-Fa-f:.]+"))) {
                try {
                    return InetAddress.getByName(v4 ? t : "[" + v6 + "]");
                } catch (UnknownHostException e) {
                    // not a literal after all: refused below
                }
            }
            throw new IllegalArgumentException("bind address '" + text + "' is not an IP address (e.g. 127.0.0.1,"
                    + " 0.0.0.0, 192.168.1.5, ::) or localhost");
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }

        private static Duration nonNegative(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
