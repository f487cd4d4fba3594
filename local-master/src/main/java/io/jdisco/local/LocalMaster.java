package io.jdisco.local;

import com.sun.net.httpserver.HttpServer;
import io.jdisco.local.internal.api.MasterRoutes;
import io.jdisco.local.internal.ddfs.DdfsStore;
import io.jdisco.local.internal.files.TreeDeletion;
import io.jdisco.local.internal.http.InProcessTransport;
import io.jdisco.local.internal.jobs.JobRegistry;
import io.jdisco.local.internal.jobs.MasterService;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.worker.core.client.MasterTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Disco master for one machine (DESIGN §1): it serves the master's HTTP API subset that
 * clients use (SPEC §11.1) and a node's data server ({@code /disco/...}, {@code /ddfs/...}) on
 * 127.0.0.1, runs each task's worker executable as a child process speaking the Disco worker
 * protocol (SPEC §2) — or, with {@link LocalMasterConfig.WorkerMode#THREADS}, a jdisco task on a
 * thread of this JVM speaking the same protocol bytes over in-memory pipes — schedules classic and pipeline jobs over a number of worker slots, retries
 * failed tasks, keeps each job's event log and record, and holds a small DDFS tag store. A master
 * started on the data root of an earlier one knows its jobs ({@code JobStore}): finished ones as
 * they were, those that were running as dead.
 *
 * <pre>{@code
 * try (LocalMaster master = LocalMaster.start()) {
 *     Disco disco = new Disco(master.url());
 *     String job = disco.submit(pack);
 *     List<List<String>> results = disco.waitFor(job);
 * }
 * }</pre>
 *
 * <p>It listens on loopback only unless {@link LocalMasterConfig#bindAddress()} says otherwise
 * (which needs a token), and answers no other site's web page: every request first passes the
 * checks of {@code internal.RequestGuard} (module README, "Security"). A browser on this machine
 * sees its status pages at {@link #url()} ({@code internal.StatusPages}, module README).
 *
 * <p>Deviations from a Disco 0.5.4 cluster are listed in {@link LocalMasterConfig} (retry timing)
 * and in the module README: one host, concurrent stages run one after the other, tags in memory.
 */
public final class LocalMaster implements AutoCloseable {
    /** The JDK HTTP server's TCP_NODELAY switch. */
    /**
     * The threads that delete a temporary data root at {@link #close}: unlinking is bound by the
     * disk's latency, not the CPU, and a few at once overlap it (a data root of 10,000 small tasks
     * holds ~40,000 files).
     */
    private static final int DELETION_THREADS = 4;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final LocalMasterConfig config;
    private final NodeLayout layout;
    private final boolean temporaryRoot;
    private final HttpServer server;
    /** The listener on the one non-loopback address the master is bound to, or null. */
    private final HttpServer extraServer;
    private final ExecutorService httpThreads;
    private final ExecutorService jobThreads;
    private final ScheduledExecutorService timers;
    private final MasterService service;
    private final MasterRoutes routes;
    private final String url;
    private boolean closed;

    private LocalMaster(LocalMasterConfig config) throws IOException {
        this.config = config;
        Path root = config.dataRoot().orElse(null);
        this.temporaryRoot = root == null;
        if (root == null) {
            root = Files.createTempDirectory("jdisco-master-");
        }
        try {
            this.layout = new NodeLayout(root, config.host());
            Files.createDirectories(layout.discoData());
            Files.createDirectories(layout.ddfsData());
            noDelay();
            InetAddress bind = config.bindAddress();
            boolean ownListener = bind.isLoopbackAddress() || bind.isAnyLocalAddress();
            this.server = HttpServer.create(new InetSocketAddress(ownListener ? bind : InetAddress.getLoopbackAddress(),
                    config.port()), 64);
            this.url = "http://" + urlHost(bind.isLoopbackAddress() ? bind : InetAddress.getLoopbackAddress()) + ":"
                    + server.getAddress().getPort();
            this.httpThreads = Executors.newCachedThreadPool(daemon("jdisco-master-http"));
            this.jobThreads = Executors.newCachedThreadPool(daemon("jdisco-master-job"));
            this.timers = Executors.newSingleThreadScheduledExecutor(daemon("jdisco-master-timer"));
            NodeContext node = new NodeContext(config, layout, url, server.getAddress().getPort(),
                    server.getAddress().getPort(), timers);
            this.service = new MasterService(node, new JobRegistry(), new DdfsStore(layout), jobThreads);
            service.restore();
            this.routes = new MasterRoutes(service);
            server.createContext("/", routes);
            server.setExecutor(httpThreads);
            this.extraServer = ownListener ? null : listenAlsoOn(bind);
            server.start();
            if (extraServer != null) {
                extraServer.start();
            }
        } catch (IOException | RuntimeException | Error e) {
            failedStart(root, e); // a port in use must not leave an empty data root behind
            throw e;
        }
    }

    /** Undoes a start that failed with {@code e}: stops the listener if bound, deletes a temporary data root. */
    private void failedStart(Path root, Throwable e) {
        if (server != null) {
            server.stop(0);
        }
        for (java.util.concurrent.ExecutorService pool : new java.util.concurrent.ExecutorService[] {jobThreads,
                httpThreads, timers}) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (temporaryRoot) {
            try {
                MasterService.deleteTree(root);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
        }
    }

    /**
     * A second listener on {@code address} (one interface's), on the loopback listener's port and
     * with the same routes: the master stays on loopback, where its own workers and local clients
     * reach it as on a master bound to loopback only.
     */
    private HttpServer listenAlsoOn(InetAddress address) throws IOException {
        HttpServer extra;
        try {
            extra = HttpServer.create(new InetSocketAddress(address, server.getAddress().getPort()), 64);
        } catch (IOException e) {
            server.stop(0);
            throw e;
        }
        extra.createContext("/", routes);
        extra.setExecutor(httpThreads);
        return extra;
    }

    /** An address as a URL's host: an IPv6 literal in brackets. */
    private static String urlHost(InetAddress address) {
        String text = address.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    /**
     * Asks the JDK's HTTP server for {@code TCP_NODELAY} ({@code sun.net.httpserver.nodelay}, read
     * once per JVM when the first server is made) unless it is set already: it writes a response's
     * headers and body in two segments, and with Nagle's algorithm the body waits for the client's
     * delayed ACK, ~40 ms per request on Linux — most of the time a small job spends reading its
     * results.
     */
    private static void noDelay() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    /** Starts a master with the {@linkplain LocalMasterConfig#defaults() defaults}. */
    public static LocalMaster start() {
        return start(LocalMasterConfig.defaults());
    }

    /**
     * Starts a master with {@code config}.
     *
     * @throws UncheckedIOException when the port cannot be bound or the data root not created
     */
    public static LocalMaster start(LocalMasterConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            return new LocalMaster(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local master (" + config + "): " + e.getMessage(), e);
        }
    }

    /**
     * The master's URL, {@code http://127.0.0.1:<port>} (the address the master is bound to when
     * that is another loopback address): pass it to {@code Disco} or set it as DISCO_MASTER.
     */
    public String url() {
        return url;
    }

    /**
     * The master's API answered in this JVM, for a client here: {@code new Disco(master.url(),
     * master.transport())} submits and follows jobs through the same routes as over HTTP, without
     * the HTTP client's start-up. Absolute URLs of other nodes still go over HTTP.
     */
    public MasterTransport transport() {
        return new InProcessTransport(routes, url);
    }

    /** The HTTP port (also the node's DISCO_PORT and DDFS_PUT_PORT). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The data root: {@code data/} is DISCO_DATA, {@code ddfs/} is DDFS_DATA. */
    public Path dataRoot() {
        return layout.root();
    }

    /** {@code DISCO_DATA}: job homes, task outputs and index files. */
    public Path discoData() {
        return layout.discoData();
    }

    /** {@code DDFS_DATA}: blobs. */
    public Path ddfsData() {
        return layout.ddfsData();
    }

    /** The node's host name in URLs. */
    public String host() {
        return layout.host();
    }

    /** The configuration. */
    public LocalMasterConfig config() {
        return config;
    }

    /**
     * Kills every running worker, stops the server, and deletes the data root if it was a
     * temporary one made by {@link #start}. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        service.killAll();
        if (extraServer != null) {
            extraServer.stop(0);
        }
        server.stop(0);
        jobThreads.shutdownNow();
        try {
            jobThreads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpThreads.shutdownNow();
        timers.shutdownNow();
        if (temporaryRoot) {
            try {
                TreeDeletion.delete(layout.root(), DELETION_THREADS);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the temporary data root " + layout.root(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "LocalMaster[" + url + ", data " + layout.root() + "]";
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
