package io.jdisco.local.internal.coordination;

import io.jdisco.local.internal.ddfs.DdfsStore;
import io.jdisco.local.internal.jobs.JobRecord;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.pipeline.DirIndexes;
import io.jdisco.local.internal.pipeline.Grouping;
import io.jdisco.local.internal.pipeline.IndexFile;
import io.jdisco.local.internal.pipeline.InputTable;
import io.jdisco.local.internal.pipeline.JobPlan;
import io.jdisco.local.internal.pipeline.StageOutput;
import io.jdisco.local.internal.pipeline.TaskRun;
import io.jdisco.local.internal.session.AttemptOutcome;
import io.jdisco.local.internal.session.SessionHandler;
import io.jdisco.local.internal.workers.JobSetup;
import io.jdisco.local.internal.workers.JobWorkers;
import io.jdisco.worker.core.client.JobEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: its stages in order (concurrent stages run non-concurrently), each stage's tasks
 * grouped from the previous stage's outputs (SPEC §6.5) and run over the node's worker slots,
 * task ids sequential over the job from 0. A task that fails with an error is re-run after a
 * back-off, up to the configured number of failures; a fatal failure, too many failures, the same
 * error reported by the task's worker in two attempts in a row (a deterministic failure: a missing
 * input fails the same way every time) or {@link #kill} make the job dead and stop its other
 * workers. After the last stage, a {@code save_results} job pushes its local outputs to DDFS and
 * gets the tag as its result.
 *
 * <p>Threads: this coordinator's thread takes a slot before it starts an attempt's thread
 * ({@link TaskAttempt}), and a re-run waits out its back-off on the node's timer, so the master
 * has at most one attempt thread per slot however many tasks a job has. Whatever ends the
 * coordination — an {@link Error} too, here or in an attempt's thread — ends the job: dead, with a
 * {@code FATAL} event that names it ({@link #failed}).
 */
public final class JobCoordinator implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JobCoordinator.class);
    /** How long the coordinator waits for a free slot before it looks at its attempts' news again. */
    private static final long SLOT_WAIT_MILLIS = 100;
    /**
     * Tests only: called with the job's name on the coordinator's thread as each stage starts,
     * where it may throw what a failing master would (an {@link Error}); null in a running master.
     */
    static volatile Consumer<String> testStageFault;

    private final NodeContext node;
    private final JobRecord job;
    private final JobSetup setup;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final DdfsStore ddfs;
    private final JobWorkers workers;
    private final Set<TaskAttempt> running = ConcurrentHashMap.newKeySet();
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

    /** What an attempt's thread ended with instead of an outcome: the coordinator fails the job with it. */
    private static final class AttemptThreadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        AttemptThreadFailure(Throwable cause) {
            super(cause);
        }
    }

    /** News for the coordinator's thread from an attempt or the timer. */
    private sealed interface Signal permits Ended, Rerun {
    }

    /** An attempt ended with {@code outcome}, or its thread with {@code error}. */
    private record Ended(TaskRun task, AttemptOutcome outcome, Throwable error) implements Signal {
    }

    /** The back-off of a failed task is over: it is ready to run again. */
    private record Rerun(TaskRun task) implements Signal {
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
                Consumer<String> fault = testStageFault;
                if (fault != null) {
                    fault.accept(job.name());
                }
                List<Grouping.Group> groups = Grouping.group(stage.grouping(), outputs,
                        node.layout().host()::equals);
                job.stageStarted(stage.name(), groups.size());
                job.events().master("Stage " + stage.name() + " (" + stage.grouping() + ") starts with "
                        + groups.size() + " task(s)" + (stage.concurrent() ? "; run non-concurrently" : ""));
                List<TaskRun> tasks = new ArrayList<>(groups.size());
                for (Grouping.Group g : groups) {
                    tasks.add(new TaskRun(nextId++, stage.name(), stage.grouping(), g.label(), g.host(),
                            new InputTable(g.inputs())));
                }
                outputs = runStage(tasks, s == stages.size() - 1);
                job.stageFinished(stage.name(), outputs);
                checkKilled();
            }
            IndexFile.forceResults(node.layout(), outputs);
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
        } catch (AttemptThreadFailure e) {
            failed(e.getCause());
        } catch (Throwable t) {
            if (killed != null) {
                die(killed);
            } else {
                failed(t);
            }
        } finally {
            thread = null;
            try {
                workers.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("job {}: the job class loader could not be closed: {}", job.name(), e.toString());
            }
        }
    }

    /**
     * Ends the job because the master failed to run it: {@code t} (an {@link Error} such as an
     * {@link OutOfMemoryError} too) ended its coordination, its job home's set-up or the start of
     * its thread. Its workers are stopped, a {@code FATAL} event names {@code t}, and the job is
     * dead; the master goes on with other jobs. Never throws.
     */
    public void failed(Throwable t) {
        String reason = "Job coordinator failed: " + t;
        try {
            stopAll(reason);
        } catch (Throwable e) {
            t.addSuppressed(e);
        }
        try {
            if (job.status() == JobRecord.Status.ACTIVE) {
                job.events().master("FATAL: " + reason);
            }
        } catch (Throwable e) {
            t.addSuppressed(e); // the log may be what failed; the status below still tells the client
        }
        if (job.dead()) {
            try {
                job.events().master("Job dead after " + SessionHandler.elapsed(elapsed()) + ": " + reason);
                LOG.error("job {} dead: the master failed running it", job.name(), t);
            } catch (Throwable e) {
                // the job is dead, which is what matters; out of memory, logging may fail too
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
        running.forEach(a -> a.stop(reason));
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

    /**
     * Runs the tasks of one stage over the node's slots and returns their outputs in task order.
     * Tasks start in task order; a task whose back-off is over goes first. The first failure that
     * kills the job ends the loop; {@link #die} then stops the other attempts.
     */
    private List<StageOutput> runStage(List<TaskRun> tasks, boolean last)
            throws JobFailure, InterruptedException, IOException, AttemptThreadFailure {
        StageTasks stage = new StageTasks(tasks);
        BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
        Deque<TaskRun> ready = new ArrayDeque<>(tasks);
        while (!stage.finished()) {
            checkKilled();
            Signal signal = signals.poll();
            if (signal == null && ready.isEmpty()) {
                signal = signals.take();
            }
            if (signal instanceof Rerun rerun) {
                ready.addFirst(rerun.task());
            } else if (signal instanceof Ended ended) {
                ended(ended, stage, signals, last);
            } else if (slots.tryAcquire(SLOT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                TaskRun task = ready.poll();
                start(task, stage.nextAttempt(task), signals);
            }
        }
        return stage.outputs();
    }

    /** Starts attempt {@code number} of {@code task} on a thread of the pool, with the slot this thread took. */
    private void start(TaskRun task, int number, BlockingQueue<Signal> signals) {
        TaskAttempt attempt = new TaskAttempt(node, setup, workers, job, task, number, slots, running,
                (outcome, error) -> signals.add(new Ended(task, outcome, error)));
        running.add(attempt);
        try {
            threads.execute(attempt);
        } catch (Throwable t) {
            // no thread (OutOfMemoryError: unable to create native thread) or the master is closing
            running.remove(attempt);
            slots.release();
            throw t;
        }
    }

    /** What to do after an attempt of a task ended: record it done, schedule its re-run, or fail the job. */
    private void ended(Ended ended, StageTasks stage, BlockingQueue<Signal> signals, boolean last)
            throws JobFailure, IOException, AttemptThreadFailure {
        if (ended.error() != null) {
            throw new AttemptThreadFailure(ended.error());
        }
        TaskRun task = ended.task();
        AttemptOutcome outcome = ended.outcome();
        if (outcome instanceof AttemptOutcome.Done done) {
            job.taskDone(task.stage());
            boolean save = last && Boolean.TRUE.equals(job.pack().jobdict().get("save_results"));
            stage.done(task, save ? SavedOutputs.save(node.layout(), ddfs, job.name(), task, done) : done.outputs());
            return;
        }
        if (outcome instanceof AttemptOutcome.Stopped stopped) {
            throw new JobFailure(killed != null ? killed : stopped.reason());
        }
        String host = node.layout().host();
        AttemptOutcome.Failed failed = (AttemptOutcome.Failed) outcome;
        job.taskFailed(task.stage());
        if (failed.fatal()) {
            job.events().task(host, "FATAL", task.stage(), task.taskid(), failed.text());
            throw new JobFailure("task " + task.id() + " failed fatally");
        }
        String reported = failed.reported() ? failed.text() : null;
        boolean repeated = stage.repeats(task, reported);
        int failures = stage.failed(task, reported);
        job.events().task(host, "ERROR", task.stage(), task.taskid(), failed.text());
        if (repeated) {
            throw new JobFailure("task " + task.id() + " failed twice in a row with the same error, which a re-run"
                    + " will not cure: " + JobEvent.withoutTrace(failed.text()));
        }
        int max = node.config().maxFailures();
        if (failures > max) {
            throw new JobFailure("task " + task.id() + " failed " + failures + " times, more than the maximum of "
                    + max + "; the last error: " + JobEvent.withoutTrace(failed.text()));
        }
        Duration backoff = node.config().retryBackoff().multipliedBy(failures);
        if (backoff.compareTo(node.config().maxRetryBackoff()) > 0) {
            backoff = node.config().maxRetryBackoff();
        }
        job.events().task(host, "WARNING", task.stage(), task.taskid(), "Task failed (failure " + failures
                + " of at most " + max + "); re-run in " + backoff.toMillis() + " ms");
        node.timers().schedule(() -> signals.add(new Rerun(task)), backoff.toMillis(), TimeUnit.MILLISECONDS);
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
