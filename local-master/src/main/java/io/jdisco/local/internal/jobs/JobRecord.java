package io.jdisco.local.internal.jobs;

import io.jdisco.local.internal.files.EventLog;
import io.jdisco.local.internal.pipeline.JobPlan;
import io.jdisco.local.internal.pipeline.StageOutput;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the master knows about one job: its {@link JobSummary} (name, submission time, jobinfo's
 * worker, owner and inputs), its status, per-stage task counts, stage results and final results;
 * while it runs, also its pack and plan. Status changes and finished stages are saved to the job's
 * record file ({@link JobStore}) and notify the {@link JobRegistry}. When the job ends,
 * {@link #release} drops the pack and plan, so that a finished job costs a few KB. Thread-safe.
 */
public final class JobRecord {
    private static final Logger LOG = LoggerFactory.getLogger(JobRecord.class);

    /** A job's status. */
    public enum Status {
        /** Running. */
        ACTIVE("active"),
        /** Finished; results are available. */
        READY("ready"),
        /** Failed or killed. */
        DEAD("dead");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        /** The master's word for it. */
        public String wire() {
            return wire;
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

    private final JobSummary summary;
    private final Path jobHome;
    private final Path masterDir;
    private final EventLog events;
    private final JobStore store;
    private final Runnable onChange;
    private final Object saveLock = new Object();
    private volatile JobPack pack;
    private volatile JobPlan plan;
    private boolean forgotten;
    private Status status = Status.ACTIVE;
    private Instant ended;
    private List<List<String>> results = List.of();
    private final Map<String, List<List<String>>> stageResults = new LinkedHashMap<>();
    /** Per stage: tasks, running attempts, done, failed attempts. */
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    /** A new active job, running {@code plan} from {@code pack}. */
    public JobRecord(JobSummary summary, JobPack pack, JobPlan plan, Path jobHome, Path masterDir, EventLog events,
            JobStore store, Runnable onChange) {
        this(summary, jobHome, masterDir, events, store, onChange);
        this.pack = Objects.requireNonNull(pack, "pack");
        this.plan = Objects.requireNonNull(plan, "plan");
        plan.stages().forEach(s -> counts.put(s.name(), new int[4]));
    }

    /** A job restored from its record in {@code state}; it has no pack or plan. */
    public JobRecord(JobSummary summary, JobState state, Path jobHome, Path masterDir, EventLog events, JobStore store,
            Runnable onChange) {
        this(summary, jobHome, masterDir, events, store, onChange);
        status = state.status();
        ended = state.ended();
        results = state.results();
        stageResults.putAll(state.stageResults());
        state.counts().forEach(c -> counts.put(c.stage(), new int[] {c.tasks(), 0, c.done(), c.failed()}));
    }

    private JobRecord(JobSummary summary, Path jobHome, Path masterDir, EventLog events, JobStore store,
            Runnable onChange) {
        this.summary = Objects.requireNonNull(summary, "summary");
        this.jobHome = Objects.requireNonNull(jobHome, "jobHome");
        this.masterDir = Objects.requireNonNull(masterDir, "masterDir");
        this.events = Objects.requireNonNull(events, "events");
        this.store = Objects.requireNonNull(store, "store");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    /** The job name. */
    public String name() {
        return summary.name();
    }

    /** The unchanging facts. */
    public JobSummary summary() {
        return summary;
    }

    /** The submitted pack, while the job runs. */
    public JobPack pack() {
        JobPack p = pack;
        if (p == null) {
            throw new IllegalStateException("job " + name() + " has ended; its pack is released");
        }
        return p;
    }

    /** The pipeline and inputs, while the job runs. */
    public JobPlan plan() {
        JobPlan p = plan;
        if (p == null) {
            throw new IllegalStateException("job " + name() + " has ended; its plan is released");
        }
        return p;
    }

    /** The jobdict's {@code worker}. */
    public String worker() {
        return summary.worker();
    }

    /** The jobdict's {@code owner}. */
    public String owner() {
        return summary.owner();
    }

    /** Every input URL (jobinfo's {@code inputs}). */
    public List<String> inputs() {
        return summary.inputs();
    }

    /** The event log. */
    public EventLog events() {
        return events;
    }

    /** The job home. */
    public Path jobHome() {
        return jobHome;
    }

    /** The master's directory of the job (jobfile, events, record). */
    public Path masterDir() {
        return masterDir;
    }

    /** When it was submitted. */
    public Instant started() {
        return summary.submitted();
    }

    /** The submission time as jobinfo shows it. */
    public String timestamp() {
        return LocalDateTime.ofInstant(started(), ZoneId.systemDefault()).format(STAMP);
    }

    /** The current status. */
    public synchronized Status status() {
        return status;
    }

    /** The results (empty unless ready). */
    public synchronized List<List<String>> results() {
        return results;
    }

    /** The outputs of a finished stage, or null. */
    public synchronized List<List<String>> stageResults(String stage) {
        return stageResults.get(stage);
    }

    /** When the job became ready or dead; null while it is active. */
    public synchronized Instant ended() {
        return ended;
    }

    /**
     * Per stage, in pipeline order, a copy of {@code [tasks, running attempts, done, failed
     * attempts]} (tasks is 0 until the stage starts): what the status pages draw.
     */
    public synchronized Map<String, int[]> stageCounts() {
        Map<String, int[]> out = new LinkedHashMap<>();
        counts.forEach((stage, c) -> out.put(stage, c.clone()));
        return out;
    }

    /** A consistent copy of what changes, as saved. */
    public synchronized JobState state() {
        List<JobState.StageCounts> c = new ArrayList<>();
        counts.forEach((stage, n) -> c.add(new JobState.StageCounts(stage, n[0], n[2], n[3])));
        return new JobState(status, ended, results, stageResults, c);
    }

    /** Records that a stage has {@code tasks} tasks. */
    public synchronized void stageStarted(String stage, int tasks) {
        counts.get(stage)[0] = tasks;
    }

    /** Records an attempt starting ({@code +1}) or ending ({@code -1}) in {@code stage}. */
    public synchronized void running(String stage, int delta) {
        counts.get(stage)[1] += delta;
    }

    /** Records a finished task of {@code stage}. */
    public synchronized void taskDone(String stage) {
        counts.get(stage)[2]++;
    }

    /** Records a failed attempt in {@code stage}. */
    public synchronized void taskFailed(String stage) {
        counts.get(stage)[3]++;
    }

    /** Records the outputs of a finished stage (saved). */
    public void stageFinished(String stage, List<StageOutput> outputs) {
        synchronized (saveLock) {
            synchronized (this) {
                stageResults.put(stage, urls(outputs));
            }
            saveQuietly(state());
        }
    }

    /** {@code [[stage, pending, waiting, running, done, failed], ...]} for jobinfo. */
    public synchronized List<List<Object>> progress() {
        List<List<Object>> out = new ArrayList<>();
        counts.forEach((stage, c) -> {
            int waiting = Math.max(0, c[0] - c[1] - c[2]);
            out.add(List.of(stage, 0, status == Status.ACTIVE ? waiting : 0, c[1], c[2], c[3]));
        });
        return out;
    }

    /** Marks the job ready with {@code results} (saved); false when it was already finished. */
    public boolean ready(List<List<String>> finalResults) {
        return finish(Status.READY, List.copyOf(finalResults));
    }

    /** Marks the job dead (saved); false when it was already finished. */
    public boolean dead() {
        return finish(Status.DEAD, List.of());
    }

    /**
     * Ends the job: the record is saved with the new status before the status is seen here, so
     * that the new status shows no later than it did before records were written (whoever logs
     * the job's last event after this call is not delayed by the disk).
     */
    private boolean finish(Status to, List<List<String>> finalResults) {
        synchronized (saveLock) {
            Instant now = Instant.now();
            JobState next;
            synchronized (this) {
                if (status != Status.ACTIVE) {
                    return false;
                }
                JobState current = state();
                next = new JobState(to, now, finalResults, current.stageResults(), current.counts());
            }
            saveQuietly(next);
            synchronized (this) {
                status = to;
                ended = now;
                results = finalResults;
            }
        }
        onChange.run();
        return true;
    }

    /**
     * Drops the pack and plan, and closes the event log's file: the job has ended and its
     * coordinator is done with them.
     */
    public void release() {
        pack = null;
        plan = null;
        events.release();
    }

    /** Writes the job's record file now. */
    public void save() throws IOException {
        synchronized (saveLock) {
            save(state());
        }
    }

    /** Writes {@code state} as the job's record, unless the job is forgotten; under the save lock. */
    private void save(JobState state) throws IOException {
        if (!forgotten) {
            store.save(this, state);
        }
    }

    /**
     * Stops saving the record (the job is being deleted or forgotten), once a save under way is
     * done; its event log drops later events too.
     */
    public void forget() {
        synchronized (saveLock) {
            forgotten = true;
        }
        events.close();
    }

    /** Saves, logging a failure (a full disk) in the master's log and, if it can, the job's events. */
    private void saveQuietly(JobState state) {
        try {
            save(state);
        } catch (IOException | RuntimeException e) {
            LOG.warn("job {}: its record could not be saved in {}: {}", name(), masterDir, e.toString());
            try {
                events.master("WARNING: the job record could not be saved: " + e.getMessage());
            } catch (RuntimeException ignored) {
                // The disk that refused the record refuses the event too; the master's log has it.
            }
        }
    }

    /** The replica lists of {@code outputs}. */
    public static List<List<String>> urls(List<StageOutput> outputs) {
        List<List<String>> out = new ArrayList<>();
        outputs.forEach(o -> out.add(List.copyOf(o.resultUrls())));
        return out;
    }
}
