package io.jdisco.local.internal;

import io.jdisco.worker.DiscoException;
import io.jdisco.worker.core.jobhome.JobHomeExtractor;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * The master's job operations behind the HTTP API (SPEC §11.1): submit (validate, name, store the
 * pack, start a coordinator), kill, purge, clean; and the job home set-up each job needs before
 * its first task (SPEC §1.2: the pack as {@code jobfile}, the zip extracted, refusing zip-slip,
 * the worker made executable, the {@code .jobhome} marker last).
 */
public final class MasterService {
    private final NodeContext node;
    private final JobRegistry registry;
    private final DdfsStore ddfs;
    private final Semaphore slots;
    private final ExecutorService threads;

    /** The service of a node. */
    public MasterService(NodeContext node, JobRegistry registry, DdfsStore ddfs, ExecutorService threads) {
        this.node = node;
        this.registry = registry;
        this.ddfs = ddfs;
        this.threads = threads;
        this.slots = new Semaphore(node.config().slots(), true);
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
        Files.createDirectories(masterDir);
        Files.write(masterDir.resolve("jobfile"), packBytes);
        EventLog events = new EventLog(masterDir.resolve("events"));
        Map<String, String> envs = new LinkedHashMap<>();
        pack.jobenvs().forEach((k, v) -> envs.put(k, (String) v));
        JobRecord job = new JobRecord(name, pack, plan, events, masterDir, registry::changed);
        JobSetup setup = new JobSetup(name, node.layout().jobHome(name), worker, envs, events);
        JobCoordinator coordinator = new JobCoordinator(node, job, setup, slots, threads, ddfs);
        registry.add(job, coordinator);
        events.master("New job initialized!");
        try {
            threads.execute(() -> {
                try {
                    if (plan.stages().isEmpty() || prepareJobHome(job, setup, packBytes)) {
                        coordinator.run();
                    }
                } catch (Throwable t) { // an Error in the job home's set-up (a pack inflating to gigabytes)
                    coordinator.failed(t);
                }
            });
        } catch (Throwable t) { // no thread for the job: OutOfMemoryError "unable to create native thread"
            coordinator.failed(t);
        }
        return name;
    }

    /** SPEC §1.2: job file, extraction, marker; a failure kills the job with the reason in its events. */
    private boolean prepareJobHome(JobRecord job, JobSetup setup, byte[] packBytes) {
        try {
            Files.createDirectories(setup.jobHome());
            if (!JobHomeExtractor.isExtracted(setup.jobHome())) {
                Files.write(setup.jobfile(), packBytes);
                new JobHomeExtractor(setup.worker(), node.config().jobHomeLimits()).extract(job.pack().jobhome(), setup.jobHome());
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
        return registry.coordinator(name).map(c -> {
            JobRecord job = registry.get(name).orElseThrow();
            if (job.status() == JobRecord.Status.ACTIVE) {
                job.events().master("Job killed by the user");
            }
            c.kill("job killed by the user");
            job.dead();
            return true;
        }).orElse(false);
    }

    /** Kills job {@code name} and deletes its metadata, job home and master directory. */
    public void purge(String name) throws IOException {
        JobRecord job = registry.get(name).orElse(null);
        if (job == null) {
            return;
        }
        kill(name);
        registry.remove(name);
        job.events().close();
        deleteTree(node.layout().jobHome(name));
        deleteTree(job.masterDir());
    }

    /** Forgets job {@code name} (metadata only; data stays). */
    public void clean(String name) {
        registry.get(name).ifPresent(job -> {
            kill(name);
            registry.remove(name);
            job.events().close();
        });
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
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The flattened URLs of a list of replica lists. */
    static List<String> flatten(List<List<String>> lists) {
        List<String> out = new java.util.ArrayList<>();
        lists.forEach(out::addAll);
        return out;
    }
}
