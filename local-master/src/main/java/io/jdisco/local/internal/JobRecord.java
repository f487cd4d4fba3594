package io.jdisco.local.internal;

import io.jdisco.worker.core.jobpack.JobPack;
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

/**
 * What the master knows about one job: its pack and plan, status, per-stage task counts, stage
 * results and final results. Status changes notify the {@link JobRegistry}. Thread-safe.
 */
public final class JobRecord {
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

    private final String name;
    private final JobPack pack;
    private final JobPlan plan;
    private final Instant started = Instant.now();
    private final EventLog events;
    private final Path masterDir;
    private final Runnable onChange;
    private Status status = Status.ACTIVE;
    private List<List<String>> results = List.of();
    private final Map<String, List<List<String>>> stageResults = new LinkedHashMap<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    /** A new active job. */
    public JobRecord(String name, JobPack pack, JobPlan plan, EventLog events, Path masterDir, Runnable onChange) {
        this.name = Objects.requireNonNull(name, "name");
        this.pack = Objects.requireNonNull(pack, "pack");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.events = Objects.requireNonNull(events, "events");
        this.masterDir = Objects.requireNonNull(masterDir, "masterDir");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        plan.stages().forEach(s -> counts.put(s.name(), new int[4]));
    }

    /** The job name. */
    public String name() {
        return name;
    }

    /** The submitted pack. */
    public JobPack pack() {
        return pack;
    }

    /** The pipeline and inputs. */
    public JobPlan plan() {
        return plan;
    }

    /** The event log. */
    public EventLog events() {
        return events;
    }

    /** The master's directory of the job (jobfile, events). */
    public Path masterDir() {
        return masterDir;
    }

    /** When it was submitted. */
    public Instant started() {
        return started;
    }

    /** The submission time as jobinfo shows it. */
    public String timestamp() {
        return LocalDateTime.ofInstant(started, ZoneId.systemDefault()).format(STAMP);
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

    /** Records the outputs of a finished stage. */
    public synchronized void stageFinished(String stage, List<StageOutput> outputs) {
        stageResults.put(stage, urls(outputs));
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

    /** Marks the job ready with {@code results}; false when it was already finished. */
    public boolean ready(List<List<String>> finalResults) {
        synchronized (this) {
            if (status != Status.ACTIVE) {
                return false;
            }
            status = Status.READY;
            results = List.copyOf(finalResults);
        }
        onChange.run();
        return true;
    }

    /** Marks the job dead; false when it was already finished. */
    public boolean dead() {
        synchronized (this) {
            if (status != Status.ACTIVE) {
                return false;
            }
            status = Status.DEAD;
        }
        onChange.run();
        return true;
    }

    /** The replica lists of {@code outputs}. */
    public static List<List<String>> urls(List<StageOutput> outputs) {
        List<List<String>> out = new ArrayList<>();
        outputs.forEach(o -> out.add(List.copyOf(o.resultUrls())));
        return out;
    }
}
