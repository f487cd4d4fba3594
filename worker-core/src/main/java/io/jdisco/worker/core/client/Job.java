package io.jdisco.worker.core.client;

import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.jobhome.WorkerJobHome;
import io.jdisco.worker.core.jobpack.JobPack;
import io.jdisco.worker.core.jobpack.JobPacker;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A job to run: a {@link Worker} and the job's own settings (the seed's {@code disco.job.Job}).
 *
 * <p>Settings are the second level of parameter resolution (SPEC §5.2): a job argument passed to
 * {@link #run(Disco, Map)} overrides a setting, which overrides the worker's parameter. The job's
 * name prefix is the {@code name} setting, else the worker's {@code prefix}/{@code name}
 * parameter, else the worker's class name. Immutable: the {@code with…} methods return new jobs.
 *
 * <pre>{@code
 * RunningJob running = Job.of(worker).named("WordCount").run(new Disco(), Map.of());
 * List<List<String>> results = running.waitFor();
 * }</pre>
 */
public final class Job {
    private final Worker worker;
    private final Map<String, Object> settings;

    private Job(Worker worker, Map<String, Object> settings) {
        this.worker = worker;
        this.settings = settings;
    }

    /** A job run by {@code worker}. */
    public static Job of(Worker worker) {
        Objects.requireNonNull(worker, "worker");
        return new Job(worker, Map.of());
    }

    /** This job with the name prefix {@code name} (letters, digits, {@code _}, {@code -}, {@code @}, {@code :}). */
    public Job named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.contains(".")) {
            throw new IllegalArgumentException("a job name must be non-empty without '/' or '.', got '" + name + "'");
        }
        return withSetting("name", name);
    }

    /**
     * The setting naming the master a job is submitted to ({@link #run(Disco, Map)} sets it, as
     * Python's {@code Job} knows its master): the client reads the job's {@code dir://} and
     * {@code disco://} inputs from that master's data server when its environment names none.
     */
    public static final String MASTER_SETTING = "master";

    /** This job with setting {@code key} (a serializable value; it travels in the job data). */
    public Job withSetting(String key, Serializable value) {
        Objects.requireNonNull(key, "key");
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.put(key, value);
        return new Job(worker, Map.copyOf(s));
    }

    /**
     * This job with the jdisco runtime referred to by its absolute paths on this machine instead of
     * carried in the job home ({@link WorkerJobHome.Runtime#LOCAL}): for a master on this machine
     * only (one whose workers run where this client runs); nodes elsewhere could not start its workers.
     */
    public Job withLocalRuntime() {
        return withSetting(WorkerJobHome.RUNTIME_SETTING, "local");
    }

    /** The worker. */
    public Worker worker() {
        return worker;
    }

    /** The settings, including the resolved {@code name} (read-only). */
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        if (!s.containsKey("name") && worker.get("prefix") == null && worker.get("name") == null) {
            s.put("name", worker.getClass().getSimpleName());
        }
        return Map.copyOf(s);
    }

    /**
     * The job pack for this job run with {@code jobargs}: jobdict, jobenvs, job home and job data,
     * validated as the master validates it.
     */
    public JobPack pack(Map<String, ?> jobargs) throws IOException {
        Objects.requireNonNull(jobargs, "jobargs");
        return JobPacker.pack(worker, settings(), jobargs);
    }

    /** Submits this job with no job arguments. */
    public RunningJob run(Disco disco) throws IOException, InterruptedException {
        return run(disco, Map.of());
    }

    /**
     * Builds the job pack and submits it to {@code disco}'s master.
     *
     * @return the submitted job, named by the master
     * @throws io.jdisco.worker.DiscoException when the master refuses the job, with its text
     */
    public RunningJob run(Disco disco, Map<String, ?> jobargs) throws IOException, InterruptedException {
        Objects.requireNonNull(disco, "disco");
        byte[] pack = withSetting(MASTER_SETTING, disco.master().toString()).pack(jobargs).encode();
        return new RunningJob(disco, disco.submit(pack));
    }

    @Override
    public String toString() {
        return "Job[" + worker.getClass().getName() + ", " + settings() + "]";
    }
}
