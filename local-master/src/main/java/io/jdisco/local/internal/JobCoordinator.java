package io.jdisco.local.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: its stages in order (concurrent stages run non-concurrently), each stage's tasks
 * grouped from the previous stage's outputs (SPEC §6.5) and run over the node's worker slots,
 * task ids sequential over the job from 0. A task that fails with an error is re-run after a
 * back-off, up to the configured number of failures; a fatal failure, too many failures or
 * {@link #kill} make the job dead and stop its other workers. After the last stage, a
 * {@code save_results} job pushes its local outputs to DDFS and gets the tag as its result.
 */
public final class JobCoordinator implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JobCoordinator.class);

    private final NodeContext node;
    private final JobRecord job;
    private final JobSetup setup;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final DdfsStore ddfs;
    private final JobWorkers workers;
    private final Set<MasterSession> running = ConcurrentHashMap.newKeySet();
    private final List<Future<?>> tasks = new ArrayList<>();
    private volatile String killed;
    private volatile Thread thread;
    private final long startNanos = System.nanoTime();

    /** A coordinator of {@code job}. */
    public JobCoordinator(NodeContext node, JobRecord job, JobSetup setup, Semaphore slots, ExecutorService threads,
            DdfsStore ddfs) {
        this.node = node;
        this.job = job;
        this.setup = setup;
        this.slots = slots;
        this.threads = threads;
        this.ddfs = ddfs;
        this.workers = new JobWorkers(node, setup, job.pack());
    }

    /** A task whose failure kills the job. */
    private static final class JobFailure extends Exception {
        private static final long serialVersionUID = 1L;

        JobFailure(String message) {
            super(message);
        }
    }

    /** Kills the job: it becomes dead and its workers are killed. */
    public void kill(String reason) {
        killed = reason;
        stopAll(reason);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            Object saveInfo = job.pack().jobdict().getOrDefault("save_info", "ddfs");
            if (Boolean.TRUE.equals(job.pack().jobdict().get("save_results")) && String.valueOf(saveInfo).startsWith("hdfs")) {
                job.events().append(node.layout().host(), "ERROR: save_info '" + saveInfo
                        + "' asks for HDFS; the local master saves results to its DDFS only");
                throw new JobFailure("HDFS saving is not supported");
            }
            List<StageOutput> outputs = inputs();
            int nextId = 0;
            List<JobPlan.Stage> stages = job.plan().stages();
            for (int s = 0; s < stages.size(); s++) {
                checkKilled();
                JobPlan.Stage stage = stages.get(s);
                List<Grouping.Group> groups = Grouping.group(stage.grouping(), outputs,
                        node.layout().host()::equals);
                job.stageStarted(stage.name(), groups.size());
                job.events().master("Stage " + stage.name() + " (" + stage.grouping() + ") starts with "
                        + groups.size() + " task(s)" + (stage.concurrent() ? "; run non-concurrently" : ""));
                boolean last = s == stages.size() - 1;
                List<Future<List<StageOutput>>> futures = new ArrayList<>();
                for (Grouping.Group g : groups) {
                    TaskRun task = new TaskRun(nextId++, stage.name(), stage.grouping(), g.label(), g.host(),
                            new InputTable(g.inputs()));
                    Future<List<StageOutput>> f = threads.submit(() -> runTask(task, last));
                    synchronized (tasks) {
                        tasks.add(f);
                    }
                    futures.add(f);
                }
                outputs = collect(futures);
                job.stageFinished(stage.name(), outputs);
                checkKilled();
            }
            List<List<String>> results = JobRecord.urls(outputs);
            if (!stages.isEmpty() && Boolean.TRUE.equals(job.pack().jobdict().get("save_results"))) {
                String tag = "disco:results:" + job.name();
                ddfs.put(tag, results);
                results = List.of(List.of("tag://" + tag));
            }
            if (job.ready(results)) {
                job.events().master("READY: Job finished in " + SessionHandler.elapsed(elapsed()));
                LOG.info("job {} ready after {}", job.name(), SessionHandler.elapsed(elapsed()));
            }
        } catch (JobFailure e) {
            die(e.getMessage());
        } catch (InterruptedException e) {
            die(killed != null ? killed : "interrupted");
        } catch (IOException | RuntimeException e) {
            die("Job coordinator failed: " + e);
        } finally {
            thread = null;
            try {
                workers.close();
            } catch (IOException e) {
                LOG.warn("job {}: the job class loader could not be closed: {}", job.name(), e.toString());
            }
        }
    }

    private void die(String reason) {
        stopAll(reason);
        if (job.dead()) {
            job.events().master("Job dead after " + SessionHandler.elapsed(elapsed()) + ": " + reason);
            LOG.info("job {} dead: {}", job.name(), reason);
        }
    }

    private void stopAll(String reason) {
        synchronized (tasks) {
            tasks.forEach(f -> f.cancel(true));
        }
        running.forEach(s -> s.stop(reason));
    }

    private List<StageOutput> inputs() throws IOException, InterruptedException, JobFailure {
        DirIndexes indexes = new DirIndexes(node.layout());
        List<StageOutput> out = new ArrayList<>();
        for (JobPlan.Input in : job.plan().inputs()) {
            if (in.data() != null) {
                out.add(in.data());
            } else {
                try {
                    out.add(indexes.read(in.dirUrl()));
                } catch (IOException e) {
                    throw new JobFailure("cannot read the index of input " + in.dirUrl() + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** The outputs of a stage's tasks in task order; the first failure kills the rest. */
    private List<StageOutput> collect(List<Future<List<StageOutput>>> futures)
            throws InterruptedException, JobFailure {
        List<StageOutput> out = new ArrayList<>();
        for (Future<List<StageOutput>> f : futures) {
            try {
                out.addAll(f.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof JobFailure jf ? jf : new JobFailure("task failed: " + cause);
            } catch (java.util.concurrent.CancellationException e) {
                throw new JobFailure(killed != null ? killed : "task cancelled");
            }
        }
        return out;
    }

    /** Runs attempts of {@code task} until one is done, or the job must die. */
    private List<StageOutput> runTask(TaskRun task, boolean last) throws JobFailure, InterruptedException,
            IOException {
        String host = node.layout().host();
        int failures = 0;
        while (true) {
            checkKilled();
            AttemptOutcome outcome;
            slots.acquire();
            MasterSession session = new MasterSession(node, setup, task, workers);
            try {
                running.add(session);
                job.running(task.stage(), 1);
                checkKilled();
                job.events().task(host, "SYS", task.stage(), task.taskid(), "Task started (attempt " + (failures + 1)
                        + ")");
                outcome = session.run();
            } finally {
                running.remove(session);
                job.running(task.stage(), -1);
                slots.release();
            }
            if (outcome instanceof AttemptOutcome.Done done) {
                job.taskDone(task.stage());
                return last && Boolean.TRUE.equals(job.pack().jobdict().get("save_results")) ? save(task, done)
                        : done.outputs();
            }
            if (outcome instanceof AttemptOutcome.Stopped stopped) {
                throw new JobFailure(stopped.reason());
            }
            AttemptOutcome.Failed failed = (AttemptOutcome.Failed) outcome;
            job.taskFailed(task.stage());
            if (failed.fatal()) {
                job.events().task(host, "FATAL", task.stage(), task.taskid(), failed.text());
                throw failJob("task " + task.id() + " failed fatally");
            }
            failures++;
            job.events().task(host, "ERROR", task.stage(), task.taskid(), failed.text());
            if (failures > node.config().maxFailures()) {
                throw failJob("task " + task.id() + " failed " + failures + " times, more than the maximum of "
                        + node.config().maxFailures());
            }
            Duration backoff = node.config().retryBackoff().multipliedBy(failures);
            if (backoff.compareTo(node.config().maxRetryBackoff()) > 0) {
                backoff = node.config().maxRetryBackoff();
            }
            job.events().task(host, "WARNING", task.stage(), task.taskid(), "Task failed (failure " + failures
                    + " of at most " + node.config().maxFailures() + "); re-run in " + backoff.toMillis() + " ms");
            Thread.sleep(backoff.toMillis());
        }
    }

    /** SPEC §2.4.7 save_results: each local output becomes a DDFS blob; the outputs are those blobs. */
    private List<StageOutput> save(TaskRun task, AttemptOutcome.Done done) throws IOException {
        List<StageOutput> saved = new ArrayList<>();
        for (IndexFile.Line line : done.localOutputs()) {
            Path file = node.layout().localFile(line.url()).orElseThrow(() -> new IOException(
                    "output " + line.url() + " is not a file of this node"));
            String base = file.getFileName().toString();
            String blob = ddfs.storeFile(job.name() + ":" + task.taskid() + ":0:" + base, file);
            saved.add(new StageOutput.Data(line.label(), line.size(), List.of(blob)));
        }
        for (StageOutput o : done.outputs()) {
            if (o instanceof StageOutput.Data) {
                saved.add(o);
            }
        }
        return saved;
    }

    /** Stops the whole job from inside a task: the coordinator wakes up and declares it dead. */
    private JobFailure failJob(String reason) {
        if (killed == null) {
            killed = reason;
        }
        stopAll(reason);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        return new JobFailure(reason);
    }

    private void checkKilled() throws JobFailure {
        if (killed != null) {
            throw new JobFailure(killed);
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
