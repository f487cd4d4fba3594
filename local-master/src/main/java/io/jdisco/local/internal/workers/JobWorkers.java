package io.jdisco.local.internal.workers;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.pipeline.TaskRun;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.jobhome.WorkerLauncher;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Starts the workers of one job: as a process per task, as reused processes ({@link WorkerPool}) or
 * as threads ({@link WorkerMode}). In {@link WorkerMode#THREADS} and
 * {@link WorkerMode#REUSED_PROCESSES} a job runs that way only if its worker executable starts jdisco's
 * {@code WorkerMain} (a job home built by jdisco, with any JVM options; a custom main class or a
 * Python or shell worker still runs as a process) and its job data is jdisco's; the choice is made
 * once, after the job home is extracted, and written to the job's events.
 *
 * <p>In-process workers resolve the job's classes through a class loader over the job home's
 * {@code lib/*.jar} and {@code classes/} (the launcher's class path) whose parent is the master's
 * own loader, which is asked first: a client embedding the master runs the job with its own
 * classes; another client's job finds its classes in its job home. Closed when the job ends.
 */
public final class JobWorkers implements AutoCloseable {
    /** The worker main class as a word of the launcher script (quotes and blanks around it). */
    private static final Pattern STARTS_WORKER_MAIN = Pattern.compile("(^|[\\s'\"])"
            + Pattern.quote(WorkerLauncher.DEFAULT_MAIN_CLASS) + "($|[\\s'\"])", Pattern.MULTILINE);
    /** A launcher script larger than this is not read: jdisco's is about 3 KiB. */
    private static final long MAX_LAUNCHER_BYTES = 1 << 20;

    private final NodeContext node;
    private final JobSetup job;
    private final JobPack pack;
    private WorkerMode mode;
    private WorkerPool pool;
    private URLClassLoader loader;
    private boolean closed;

    /** The workers of {@code job}, whose pack is {@code pack}. */
    public JobWorkers(NodeContext node, JobSetup job, JobPack pack) {
        this.node = node;
        this.job = job;
        this.pack = pack;
    }

    /** Starts a worker for an attempt of {@code task}. */
    public WorkerHandle start(TaskRun task) throws IOException {
        WorkerMode mode = mode();
        if (mode == WorkerMode.PROCESSES) {
            return ProcessWorker.start(job, node.config().nice());
        }
        if (mode == WorkerMode.REUSED_PROCESSES) {
            return pool().start();
        }
        return ThreadWorker.start("jdisco-worker-" + job.name() + "-" + task.id(), classLoader(),
                WorkerProcess.environment(System.getenv(), job.jobenvs()), inputErrPolicy());
    }

    /**
     * How this job's workers run, decided at the first call: the configured mode, or
     * {@link WorkerMode#PROCESSES} for a job that is not jdisco's (written to the job's events).
     */
    synchronized WorkerMode mode() {
        if (mode == null) {
            WorkerMode configured = node.config().workers();
            Optional<String> reason = configured == WorkerMode.PROCESSES ? Optional.empty() : processReason();
            mode = reason.isEmpty() ? configured : WorkerMode.PROCESSES;
            if (configured == WorkerMode.THREADS) {
                job.events().master(reason.isEmpty() ? "Workers run on threads of the master (in-process mode)"
                        : "Workers run as processes: " + reason.get());
            } else if (configured == WorkerMode.REUSED_PROCESSES) {
                job.events().master(reason.isEmpty() ? "Workers run as reused processes, one job's tasks after another"
                        : "Workers run as one process per task: " + reason.get());
            }
        }
        return mode;
    }

    private synchronized WorkerPool pool() throws IOException {
        if (closed) {
            throw new IOException("the workers of job " + job.name() + " are closed");
        }
        if (pool == null) {
            pool = new WorkerPool(job, node.config().nice());
            pool.prestart(node.config().slots());
        }
        return pool;
    }

    /** Why this job cannot run on threads, or empty. */
    private Optional<String> processReason() {
        byte[] data = pack.jobdata();
        if (data.length < JobData.MAGIC.length
                || !Arrays.equals(data, 0, JobData.MAGIC.length, JobData.MAGIC, 0, JobData.MAGIC.length)) {
            return Optional.of("the job data is not a jdisco worker's");
        }
        Path launcher = job.jobHome().resolve(job.worker());
        try {
            if (!Files.isRegularFile(launcher) || Files.size(launcher) > MAX_LAUNCHER_BYTES) {
                return Optional.of("the worker executable " + job.worker() + " is not a jdisco launcher");
            }
            String script = new String(Files.readAllBytes(launcher), StandardCharsets.UTF_8);
            if (!STARTS_WORKER_MAIN.matcher(script).find()) {
                return Optional.of("the worker executable " + job.worker() + " does not start "
                        + WorkerLauncher.DEFAULT_MAIN_CLASS);
            }
        } catch (IOException e) {
            return Optional.of("the worker executable " + job.worker() + " cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    private synchronized ClassLoader classLoader() throws IOException {
        if (closed) {
            throw new IOException("the workers of job " + job.name() + " are closed");
        }
        if (loader == null) {
            loader = new URLClassLoader("jdisco-job-" + job.name(), jobClassPath(job.jobHome()),
                    JobWorkers.class.getClassLoader());
        }
        return loader;
    }

    /** The launcher's class path {@code lib/*:classes}: the jars of {@code lib/} in name order, then {@code classes/}. */
    static URL[] jobClassPath(Path jobHome) throws IOException {
        List<URL> urls = new ArrayList<>();
        Path lib = jobHome.resolve("lib");
        if (Files.isDirectory(lib)) {
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(lib, "*.jar")) {
                dir.forEach(jars::add);
            }
            jars.sort(null);
            for (Path jar : jars) {
                urls.add(url(jar));
            }
        }
        Path classes = jobHome.resolve("classes");
        if (Files.isDirectory(classes)) {
            urls.add(url(classes));
        }
        return urls.toArray(new URL[0]);
    }

    private static URL url(Path p) throws MalformedURLException {
        return p.toAbsolutePath().toUri().toURL();
    }

    /** The replica fail-over mode, from the master JVM's {@code jdisco.inputErrPolicy} as a worker JVM reads it. */
    private static InputErrPolicy inputErrPolicy() {
        String name = System.getProperty("jdisco.inputErrPolicy", "REPORT");
        for (InputErrPolicy p : InputErrPolicy.values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return InputErrPolicy.REPORT;
    }

    /**
     * Kills the idle reused processes and releases the job class loader; in-process workers still
     * running keep the classes they loaded.
     */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (pool != null) {
            pool.close();
        }
        if (loader != null) {
            loader.close();
        }
    }

    @Override
    public String toString() {
        return "workers of " + job.name() + " (" + (mode == null ? "undecided" : mode.name().toLowerCase(java.util.Locale.ROOT)) + ")";
    }
}
