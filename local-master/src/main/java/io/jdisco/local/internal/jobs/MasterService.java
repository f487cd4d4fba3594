package io.jdisco.local.internal.jobs;

import io.jdisco.local.internal.coordination.JobCoordinator;
import io.jdisco.local.internal.ddfs.DdfsStore;
import io.jdisco.local.internal.files.AtomicFiles;
import io.jdisco.local.internal.files.EventLog;
import io.jdisco.local.internal.files.PartialFiles;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.pipeline.JobPlan;
import io.jdisco.local.internal.workers.JobSetup;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.core.jobhome.JobHomeExtractor;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's job operations behind the HTTP API (SPEC §11.1): submit (validate, name, store the
 * pack, the event log and the job's record, start a coordinator), kill, purge, clean, and the
 * restoration of the jobs an earlier master recorded ({@link JobStore}); and the job home set-up
 * each job needs before its first task (SPEC §1.2: the pack as {@code jobfile}, the zip extracted,
 * refusing zip-slip, the worker made executable, the {@code .jobhome} marker last). Jobfiles are
 * written whole or not at all ({@link AtomicFiles}): a submission that fails on a full disk is
 * refused and leaves no master directory.
 */
public final class MasterService {
    private static final Logger LOG = LoggerFactory.getLogger(MasterService.class);

    private final NodeContext node;
    private final JobRegistry registry;
    private final DdfsStore ddfs;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final JobStore store;

    /** The service of a node. */
    public MasterService(NodeContext node, JobRegistry registry, DdfsStore ddfs, ExecutorService threads) {
        this(node, registry, ddfs, threads, new JobStore(node.layout()));
    }

    /** The service of a node keeping its job records in {@code store}. */
    public MasterService(NodeContext node, JobRegistry registry, DdfsStore ddfs, ExecutorService threads, JobStore store) {
        this.node = node;
        this.registry = registry;
        this.ddfs = ddfs;
        this.threads = threads;
        this.store = store;
        this.slots = new Semaphore(node.config().slots(), true);
    }

    /**
     * Registers the jobs recorded under the data root by an earlier master ({@link JobStore#restore}):
     * call once, before serving.
     *
     * @return how many jobs were restored
     */
    public int restore() throws IOException {
        List<JobRecord> jobs = store.restore(registry::changed);
        jobs.forEach(registry::restore);
        return jobs.size();
    }

    /** The job registry. */
    public JobRegistry registry() {
        return registry;
    }

    /** The DDFS store. */
    public DdfsStore ddfs() {
        return ddfs;
    }

    /** The node context. */
    public NodeContext node() {
        return node;
    }

    /**
     * Submits a pack.
     *
     * @return the job name
     * @throws DiscoException with the master's reason when the pack is refused
     * @throws JobNames.InvalidName when the job's name would be invalid (a 400)
     */
    public String submit(byte[] packBytes) throws IOException {
        JobPack pack = JobPack.decode(packBytes);
        pack.validate();
        String worker = (String) pack.jobdict().get("worker");
        try {
            new JobHomeExtractor(worker);
        } catch (IllegalArgumentException e) {
            throw new DiscoException("invalid worker: " + e.getMessage());
        }
        JobPlan plan = JobPlan.of(pack);
        String name = registry.newName((String) pack.jobdict().get("prefix"));
        JobNames.check(name);
        Path masterDir = node.layout().masterJobDir(name);
        JobRecord job = store(name, pack, plan, packBytes, masterDir);
        EventLog events = job.events();
        Map<String, String> envs = new LinkedHashMap<>();
        pack.jobenvs().forEach((k, v) -> envs.put(k, (String) v));
        JobSetup setup = new JobSetup(name, job.jobHome(), worker, envs, events);
        JobCoordinator coordinator = new JobCoordinator(node, job, setup, slots, threads, ddfs);
        registry.add(job, coordinator);
        try {
            threads.execute(() -> {
                try {
                    if (plan.stages().isEmpty() || prepareJobHome(job, setup, packBytes)) {
                        coordinator.run();
                    }
                } catch (Throwable t) { // an Error in the job home's set-up (a pack inflating to gigabytes)
                    coordinator.failed(t);
                } finally {
                    ended(job);
                }
            });
        } catch (Throwable t) { // no thread for the job: OutOfMemoryError "unable to create native thread"
            coordinator.failed(t);
            ended(job);
        }
        return name;
    }

    /**
     * Writes a new job's master directory: the jobfile, the event log with its first event, the
     * record. On failure (a full disk) the directory is deleted and the submission refused.
     */
    private JobRecord store(String name, JobPack pack, JobPlan plan, byte[] packBytes, Path masterDir) {
        try {
            Files.createDirectories(masterDir);
            store.files().write(masterDir.resolve("jobfile"), packBytes);
            EventLog events = new EventLog(masterDir.resolve("events"));
            JobRecord job = new JobRecord(JobSummary.of(name, pack, plan), pack, plan,
                    node.layout().jobHome(name), masterDir, events, store, registry::changed);
            events.master("New job initialized!");
            job.save();
            return job;
        } catch (IOException | UncheckedIOException e) {
            try {
                deleteTree(masterDir);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            LOG.warn("job {} could not be stored in {}", name, masterDir, e);
            throw new DiscoException("cannot store the job in " + masterDir + ": " + e.getMessage());
        }
    }

    /**
     * A job has ended and its coordinator returned: the coordinator is forgotten, the pack and plan
     * released, and the partial files of killed workers deleted.
     */
    private void ended(JobRecord job) {
        registry.ended(job.name());
        job.release();
        try {
            PartialFiles.deleteAll(job.jobHome());
        } catch (IOException | RuntimeException e) {
            LOG.warn("job {}: the partial files in {} could not be deleted: {}", job.name(), job.jobHome(),
                    e.toString());
        }
    }

    /** SPEC §1.2: job file, extraction, marker; a failure kills the job with the reason in its events. */
    private boolean prepareJobHome(JobRecord job, JobSetup setup, byte[] packBytes) {
        try {
            Files.createDirectories(setup.jobHome());
            if (!JobHomeExtractor.isExtracted(setup.jobHome())) {
                store.files().write(setup.jobfile(), packBytes);
                new JobHomeExtractor(setup.worker(), node.config().jobHomeLimits()).extract(job.pack().jobhome(),
                        setup.jobHome());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            job.events().append(node.layout().host(), "ERROR: Jobpack extraction failed: " + e.getMessage());
            if (job.dead()) {
                job.events().master("Job dead: its job home could not be extracted");
            }
            return false;
        }
    }

    /** Kills job {@code name} if it is active; false when unknown. */
    public boolean kill(String name) {
        JobRecord job = registry.get(name).orElse(null);
        if (job == null) {
            return false;
        }
        if (job.status() == JobRecord.Status.ACTIVE) {
            job.events().master("Job killed by the user");
        }
        registry.coordinator(name).ifPresent(c -> c.kill("job killed by the user"));
        job.dead();
        return true;
    }

    /** Kills job {@code name} and deletes its metadata, job home and master directory. */
    public void purge(String name) throws IOException {
        Optional<JobRecord> job = forget(name);
        if (job.isPresent()) {
            deleteTreeOfStoppedWorkers(job.get().jobHome(), java.time.Duration.ofSeconds(5));
        }
    }

    /**
     * Kills job {@code name} and forgets it: its master directory (record, events, jobfile) is
     * deleted so that it stays forgotten after a restart; its job home (the data) stays.
     */
    public void clean(String name) throws IOException {
        forget(name);
    }

    /** Kills job {@code name}, drops it from the registry and deletes its master directory; the job, if known. */
    private Optional<JobRecord> forget(String name) throws IOException {
        Optional<JobRecord> job = registry.get(name);
        if (job.isPresent()) {
            kill(name);
            registry.remove(name);
            job.get().forget();
            deleteTree(job.get().masterDir());
        }
        return job;
    }

    /** Kills every active job (the master is closing). */
    public void killAll() {
        for (JobCoordinator c : registry.coordinators()) {
            c.kill("the local master is closing");
        }
    }

    /** Deletes a directory tree, if present. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted meanwhile
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes the job home of a job just killed: a killed worker (a process being SIGKILLed, a
     * thread that has not yet reached its next protocol exchange) may still create a file in it
     * for a moment, so a directory found not empty is deleted again, for at most {@code patience}.
     */
    static void deleteTreeOfStoppedWorkers(Path root, java.time.Duration patience) throws IOException {
        retryWhileNotEmpty(() -> deleteTree(root), root, patience);
    }

    /** A deletion that may find a directory not empty. */
    @FunctionalInterface
    interface Deletion {
        void run() throws IOException;
    }

    /** Runs {@code deletion} until it finds no directory not empty, for at most {@code patience}. */
    static void retryWhileNotEmpty(Deletion deletion, Path root, java.time.Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                deletion.run();
                return;
            } catch (DirectoryNotEmptyException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the job home " + root + " still had new files " + patience.toMillis()
                            + " ms after its job was killed: " + e.getFile(), e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while deleting " + root);
                }
            }
        }
    }

    /** The flattened URLs of a list of replica lists. */
    public static List<String> flatten(List<List<String>> lists) {
        List<String> out = new java.util.ArrayList<>();
        lists.forEach(out::addAll);
        return out;
    }
}
