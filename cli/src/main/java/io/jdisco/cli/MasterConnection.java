package io.jdisco.cli;

import io.jdisco.cli.jobs.Inputs;
import io.jdisco.cli.jobs.WorkerChoice;
import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.local.LocalMasterMain;
import io.jdisco.schemes.disco.DiscoSchemeProvider;
import io.jdisco.worker.Params;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.BasicChainContext;
import io.jdisco.worker.io.ChainContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.LoggerFactory;

/**
 * The master a command talks to: the one named by {@code --master} (or {@code DISCO_MASTER}), or
 * an embedded {@link LocalMaster} with a temporary data root that lives as long as this object —
 * closed and deleted by {@link #close()}, and by a shutdown hook on Ctrl-C.
 *
 * <p>The embedded master starts on a background thread (its HTTP server and JSON classes take
 * tens of milliseconds to load), so that the command builds its job pack meanwhile;
 * {@link #disco()} waits for it. The client talks to it in process ({@link LocalMaster#transport()}),
 * not over HTTP.
 *
 * <p>It also makes the chain context for reading results on the client: {@code DISCO_MASTER} is
 * the master (for {@code tag://}), and {@code DISCO_PORT} the master's port unless the environment
 * sets it, so that {@code disco://} results of a local master on any port can be fetched; with the
 * embedded master, they are read from its data roots instead ({@link #embeddedSettings}).
 */
public final class MasterConnection implements AutoCloseable {
    /** The usage lines of {@code --task-timeout}, for the commands that may start an embedded master. */
    public static final String TASK_TIMEOUT_USAGE = "  --task-timeout S embedded master: kill and retry a task whose worker sent\n"
            + "                 nothing for S seconds (default 600; 0: never)\n";

    private final CompletableFuture<Link> link;
    private final WorkerMode embeddedWorkers;
    private final Thread shutdownHook;

    /** The client, the embedded master (or null) and the read settings, once the master is up. */
    private record Link(Disco disco, LocalMaster embedded, Map<String, String> settings) {
    }

    private MasterConnection(CompletableFuture<Link> link, WorkerMode embeddedWorkers, Thread shutdownHook) {
        this.link = link;
        this.embeddedWorkers = embeddedWorkers;
        this.shutdownHook = shutdownHook;
    }

    /** The master {@code url}, or {@code DISCO_MASTER}; a usage error when neither is given. */
    public static MasterConnection remote(String url, Console console) {
        String master = url != null ? url : console.env(Disco.MASTER_VARIABLE);
        if (master == null || master.isBlank()) {
            throw new UsageException("no master: give --master URL or set " + Disco.MASTER_VARIABLE);
        }
        try {
            Disco disco = new Disco(master);
            return new MasterConnection(CompletableFuture.completedFuture(
                    new Link(disco, null, settingsFor(disco.master(), console))), null, null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The master {@code url}, or, when {@code null}, a fresh embedded local master whose workers run
     * as {@code workers} says ({@link WorkerChoice}), started in the background. In-process workers
     * find the job's classes in this JVM's class path, which holds them: the job was built from it.
     */
    public static MasterConnection remoteOrEmbedded(String url, Console console, WorkerMode workers) {
        return remoteOrEmbedded(url, console, workers, null);
    }

    /**
     * As {@link #remoteOrEmbedded(String, Console, WorkerMode)}, the embedded master with the task
     * timeout {@code taskTimeout} ({@code --task-timeout}; {@code null} for its default, zero for
     * none); a remote master has its own.
     */
    public static MasterConnection remoteOrEmbedded(String url, Console console, WorkerMode workers,
            Duration taskTimeout) {
        Objects.requireNonNull(workers, "workers");
        if (url != null) {
            return remote(url, console);
        }
        LocalMasterConfig.Builder builder = LocalMasterConfig.builder().workers(workers);
        if (taskTimeout != null) {
            builder.idleTimeout(taskTimeout);
        }
        LocalMasterConfig config = builder.build();
        // SLF4J first, on this thread: initialised by two threads at once (the master's classes and
        // this thread's scheme loading) it prints a three-line "replay" warning.
        LoggerFactory.getILoggerFactory();
        CompletableFuture<Link> link = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                LocalMaster master = LocalMaster.start(config);
                Disco disco = new Disco(master.url(), master.transport());
                try {
                    disco.version(); // warms the master's routes up while the pack is still being built
                } catch (IOException e) {
                    // the submission will report an unreachable master
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Map<String, String> settings = embeddedSettings(settingsFor(disco.master(), console), master);
                link.complete(new Link(disco, master, settings));
            } catch (Throwable t) {
                link.completeExceptionally(t);
            }
        }, "jdisco-local-master-start");
        starter.setDaemon(true);
        starter.start();
        Thread hook = new Thread(() -> {
            // Ctrl-C or SIGTERM before the command ended: say what becomes of its job
            console.err().println("jdisco: interrupted: the embedded master stops, killing its jobs and deleting"
                    + " their data");
            console.err().flush();
            closeWhenStarted(link);
        }, "jdisco-local-master-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new MasterConnection(link, workers, hook);
    }

    /** The {@code --task-timeout SECONDS} value {@code option}, or {@code null} when not given. */
    public static Duration taskTimeout(String option) {
        if (option == null) {
            return null;
        }
        try {
            return LocalMasterMain.taskTimeout(option);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Link link() {
        try {
            return link.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The client of the master's HTTP API; waits for an embedded master to be up. */
    public Disco disco() {
        return link().disco();
    }

    /**
     * Checks that the master knows job {@code job}: Disco's masters answer a kill or purge of a
     * job they do not know as they answer any other, so a command would succeed silently.
     *
     * @throws FileNotFoundException {@code no job named <job> on <master>} when it does not
     */
    public void requireJob(String job) throws IOException, InterruptedException {
        Objects.requireNonNull(job, "job");
        Disco disco = disco();
        if (disco.results(job, 0).status() == JobStatus.UNKNOWN) {
            throw new FileNotFoundException("no job named " + job + " on " + disco.master());
        }
    }

    /** True when the master is the embedded one. */
    public boolean embedded() {
        return embeddedWorkers != null;
    }

    /** How the embedded master runs workers; empty for a remote master. */
    public Optional<WorkerMode> embeddedWorkers() {
        return Optional.ofNullable(embeddedWorkers);
    }

    /**
     * The URLs a line-reading job's map tasks should read for {@code inputs}: on the embedded
     * master, big local files cut into parts ({@link Inputs#lineParts}) for its worker mode and
     * slots; for a remote master, {@code inputs} as they are.
     */
    public List<String> lineParts(List<String> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        // cut for the cores, not the slots: a master on threads has two slots a core
        return embedded() ? Inputs.lineParts(inputs, embeddedWorkers, Runtime.getRuntime().availableProcessors()) : inputs;
    }

    /** A chain context for reading results and other URLs on this client. */
    public ChainContext readContext() {
        return BasicChainContext.outsideTask(new Params(), Schemes.shared(), link().settings(), text -> { });
    }

    private static void closeWhenStarted(CompletableFuture<Link> link) {
        Link l;
        try {
            l = link.join();
        } catch (CompletionException | CancellationException e) {
            return;
        }
        l.embedded().close();
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

    /**
     * {@code settings} plus what lets the client read the embedded {@code master}'s
     * {@code disco://} and {@code dir://} URLs from its data roots, not through its HTTP server
     * ({@link DiscoSchemeProvider#LOCAL_HOST_SETTING}): the results are on this machine's disk.
     */
    static Map<String, String> embeddedSettings(Map<String, String> settings, LocalMaster master) {
        Map<String, String> s = new HashMap<>(settings);
        s.put(DiscoSchemeProvider.LOCAL_HOST_SETTING, master.host());
        s.put("DISCO_DATA", master.discoData().toString());
        s.put("DDFS_DATA", master.ddfsData().toString());
        return Map.copyOf(s);
    }

    /**
     * Runs {@link #close()} on a thread of its own: a command that has read its results into memory
     * sorts and prints them while the embedded master deletes the job's data (a job of 10,000
     * small tasks leaves some 40,000 files). The command waits for it ({@code join}) before it
     * returns; a failure to close comes out of the join.
     */
    public CompletableFuture<Void> closeInBackground() {
        return CompletableFuture.runAsync(this::close, task -> {
            Thread t = new Thread(task, "jdisco-master-close");
            t.start();
        });
    }

    /** Stops the embedded master (deleting its data) if there is one, once it has started. */
    @Override
    public void close() {
        if (embedded()) {
            closeWhenStarted(link);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the master is closed either way
            }
        }
    }
}
