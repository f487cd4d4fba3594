package io.jdisco.examples;

import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.worker.Params;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.BasicChainContext;
import io.jdisco.worker.io.ChainContext;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The master a command talks to: the one named by {@code --master} (or {@code DISCO_MASTER}), or
 * an embedded {@link LocalMaster} with a temporary data root that lives as long as this object —
 * closed and deleted by {@link #close()}, and by a shutdown hook on Ctrl-C.
 *
 * <p>It also makes the chain context for reading results on the client: {@code DISCO_MASTER} is
 * the master (for {@code tag://}), and {@code DISCO_PORT} the master's port unless the environment
 * sets it, so that {@code disco://} results of a local master on any port can be fetched.
 */
public final class MasterConnection implements AutoCloseable {
    private final Disco disco;
    private final LocalMaster embedded;
    private final Thread shutdownHook;
    private final Map<String, String> settings;

    private MasterConnection(String url, LocalMaster embedded, Thread shutdownHook, Console console) {
        this.disco = new Disco(url);
        this.embedded = embedded;
        this.shutdownHook = shutdownHook;
        this.settings = settingsFor(disco.master(), console);
    }

    /** The master {@code url}, or {@code DISCO_MASTER}; a usage error when neither is given. */
    public static MasterConnection remote(String url, Console console) {
        String master = url != null ? url : console.env(Disco.MASTER_VARIABLE);
        if (master == null || master.isBlank()) {
            throw new UsageException("no master: give --master URL or set " + Disco.MASTER_VARIABLE);
        }
        try {
            return new MasterConnection(master, null, null, console);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The master {@code url}, or, when {@code null}, a fresh embedded local master whose workers run
     * as {@code workers} says ({@link WorkerChoice}). In-process workers find the job's classes in
     * this JVM's class path, which holds them: the job was built from it.
     */
    public static MasterConnection remoteOrEmbedded(String url, Console console, WorkerMode workers) {
        Objects.requireNonNull(workers, "workers");
        if (url != null) {
            return remote(url, console);
        }
        LocalMaster master = LocalMaster.start(LocalMasterConfig.builder().workers(workers).build());
        Thread hook = new Thread(master::close, "jdisco-local-master-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new MasterConnection(master.url(), master, hook, console);
    }

    /** The client of the master's HTTP API. */
    public Disco disco() {
        return disco;
    }

    /** True when the master is the embedded one. */
    public boolean embedded() {
        return embedded != null;
    }

    /** How the embedded master runs workers; empty for a remote master. */
    public Optional<WorkerMode> embeddedWorkers() {
        return embedded == null ? Optional.empty() : Optional.of(embedded.config().workers());
    }

    /** A chain context for reading results and other URLs on this client. */
    public ChainContext readContext() {
        return BasicChainContext.outsideTask(new Params(), Schemes.load(), settings, text -> { });
    }

    /** The settings {@link #readContext()} uses. */
    static Map<String, String> settingsFor(URI master, Console console) {
        Map<String, String> s = new HashMap<>();
        s.put(Disco.MASTER_VARIABLE, master.toString());
        if (console.env("DISCO_PORT") == null && master.getPort() > 0) {
            s.put("DISCO_PORT", Integer.toString(master.getPort()));
        }
        return Map.copyOf(s);
    }

    /** Stops the embedded master (deleting its data) if there is one. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the master is closed either way
            }
        }
    }
}
