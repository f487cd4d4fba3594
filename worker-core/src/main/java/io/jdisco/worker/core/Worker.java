package io.jdisco.worker.core;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.RecordInput;
import io.jdisco.worker.core.jobhome.JobHomeWriter;
import io.jdisco.worker.core.jobhome.WorkerJobHome;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.jobpack.JobPack;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.Output;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.core.output.TaskOutputs;
import io.jdisco.worker.core.taskio.ChainTaskIo;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The base of every jdisco worker (the seed's {@code disco.worker.Worker}): a map of parameters
 * that describes the job on the client, and the code that runs a task on the node.
 *
 * <p>Client side: {@link #jobdict}, {@link #jobenvs} and {@link #jobhome} build those job pack
 * sections and {@link #jobpack} the whole pack. The worker
 * travels to the nodes in the job data (Java serialization), with the job's settings and the job
 * arguments. Node side: {@link #start} resolves the parameters, creates the task directory, calls
 * {@link #run}, and announces the outputs; {@link #input} and {@link #output} give {@code run} its
 * records and writers.
 */
public abstract class Worker implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> params;
    private transient TaskContext context;
    private transient TaskOutputs outputs;
    private transient Map<String, ?> job;

    /** A worker with the {@link #defaults()}. */
    protected Worker() {
        this(Map.of());
    }

    /**
     * A worker with the {@link #defaults()} overridden by {@code values}. {@code defaults()} runs
     * inside this constructor: subclasses must not use their own fields in it.
     */
    protected Worker(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        this.params = new LinkedHashMap<>(defaults());
        this.params.putAll(values);
    }

    /**
     * The default parameters: {@code save_results} false, {@code save_info} "ddfs", {@code profile}
     * false, {@code required_files} empty and {@code required_modules} {@code null} (find the
     * modules of the job functions and send the local ones). Subclasses add theirs.
     */
    protected Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("save_results", false);
        d.put("save_info", "ddfs");
        d.put("profile", false);
        d.put("required_files", new LinkedHashMap<String, Object>());
        d.put("required_modules", null);
        return d;
    }

    /** The parameter {@code key}, or {@code null}. */
    public final Object get(String key) {
        return params.get(Objects.requireNonNull(key, "key"));
    }

    /** Sets parameter {@code key} (the value must be serializable to be shipped) and returns this worker. */
    public final Worker put(String key, Object value) {
        params.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /** The parameters, in insertion order (read-only view). */
    public final Map<String, Object> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /**
     * Resolves {@code key} like Python's {@code Worker.getitem} (SPEC §5.2): the job arguments, then
     * the job's settings, then this worker's parameters, then {@code dflt}.
     */
    public Object getItem(String key, Map<String, ?> job, Map<String, ?> jobargs, Object dflt) {
        Objects.requireNonNull(key, "key");
        if (jobargs != null && jobargs.containsKey(key)) {
            return jobargs.get(key);
        }
        if (job != null && job.containsKey(key)) {
            return job.get(key);
        }
        return params.containsKey(key) ? params.get(key) : dflt;
    }

    /**
     * {@link #getItem(String, Map, Map, Object)} with the job settings of the running task (none
     * before {@link #start}).
     */
    public Object getItem(String key, Map<String, ?> jobargs, Object dflt) {
        return getItem(key, job, jobargs, dflt);
    }

    /** The worker executable, relative to the job home: the jobdict's {@code worker}. */
    public String bin() {
        return "bin/worker";
    }

    /**
     * The basic jobdict: {@code worker}, {@code prefix} (the job's {@code name}, else parameter {@code prefix}),
     * {@code save_results}, {@code save_info}, {@code scheduler}, {@code owner} (default
     * {@code user@host}). Subclasses add their keys (e.g. {@code input}, {@code pipeline}).
     *
     * @throws IllegalArgumentException when no prefix is given
     */
    public Map<String, Object> jobdict(Map<String, ?> job, Map<String, ?> jobargs) {
        Object prefix = getItem("name", job, jobargs, getItem("prefix", job, jobargs, null));
        if (!(prefix instanceof String)) {
            throw new IllegalArgumentException("the job needs a 'prefix' (or 'name') string, got " + prefix);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("worker", bin());
        d.put("prefix", prefix);
        d.put("save_results", getItem("save_results", job, jobargs, false));
        d.put("save_info", getItem("save_info", job, jobargs, "ddfs"));
        d.put("scheduler", getItem("scheduler", job, jobargs, new LinkedHashMap<String, Object>()));
        d.put("owner", getItem("owner", job, jobargs, defaultOwner()));
        return d;
    }

    /**
     * The job's environment: {@code LD_LIBRARY_PATH=lib} plus the string map parameter
     * {@code jobenvs}, if any.
     */
    public Map<String, String> jobenvs(Map<String, ?> job, Map<String, ?> jobargs) {
        Map<String, String> envs = new LinkedHashMap<>();
        envs.put("LD_LIBRARY_PATH", "lib");
        Object extra = getItem("jobenvs", job, jobargs, Map.of());
        if (!(extra instanceof Map)) {
            throw new IllegalArgumentException("parameter 'jobenvs' must be a map of strings, got " + extra);
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) extra).entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof String)) {
                throw new IllegalArgumentException("jobenvs entry " + e + " must map a string to a string");
            }
            envs.put((String) e.getKey(), (String) e.getValue());
        }
        return envs;
    }

    /** The job pack version of this worker's jobs: 1 (classic); a pipeline worker returns 2. */
    public int jobpackVersion() {
        return JobPack.VERSION1;
    }

    /**
     * The job home zip (the seed's {@code jobzip} hook): the launcher, the jdisco runtime, the
     * modules the job needs ({@code required_modules}; by default found from the job functions)
     * and {@code required_files}; the runtime by absolute paths instead when the job setting
     * {@value WorkerJobHome#RUNTIME_SETTING} is {@code "local"}. Subclasses may add entries to the
     * returned writer.
     */
    public JobHomeWriter jobzip(Map<String, ?> job, Map<String, ?> jobargs) throws IOException {
        return WorkerJobHome.build(this, getItem("required_modules", job, jobargs, null),
                getItem("required_files", job, jobargs, null),
                WorkerJobHome.Runtime.fromSetting(getItem(WorkerJobHome.RUNTIME_SETTING, job, jobargs, null)));
    }

    /** The job home section of the job pack: {@link #jobzip} serialized. */
    public byte[] jobhome(Map<String, ?> job, Map<String, ?> jobargs) throws IOException {
        return jobzip(job, jobargs).toByteArray();
    }

    /**
     * The whole job pack: {@link #jobdict}, {@link #jobenvs}, {@link #jobhome} and the job data
     * (this worker, {@code job} and {@code jobargs}, Java-serialized). Validated as the master
     * would, so a bad job fails here, naming what is wrong.
     */
    public JobPack jobpack(Map<String, ?> job, Map<String, ?> jobargs) throws IOException {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(jobargs, "jobargs");
        JobPack pack = new JobPack(jobpackVersion(), jobdict(job, jobargs), jobenvs(job, jobargs),
                jobhome(job, jobargs), JobData.encode(this, job, jobargs));
        pack.validate();
        return pack;
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }

    /**
     * Runs {@code task} on the node: resolves every parameter (SPEC §5.2), creates the task
     * directory, calls {@link #run}, then closes and announces the outputs. On failure the task's
     * partial outputs are deleted and the exception propagates.
     */
    public final void start(Task task, Map<String, ?> job, Map<String, Object> jobargs, TaskContext ctx)
            throws Exception {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(ctx, "ctx");
        this.context = ctx;
        this.job = job;
        for (String key : new ArrayList<>(params.keySet())) {
            params.put(key, getItem(key, job, jobargs, params.get(key)));
        }
        this.outputs = new TaskOutputs(task, outputOpener(task));
        Files.createDirectories(task.jobHome().resolve(task.taskpath()));
        try {
            run(task, jobargs);
            outputs.send(ctx.reporter());
        } catch (Throwable t) {
            try {
                outputs.discard();
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }

    /** Does the work of {@code task}; runs on the node, inside {@link #start}. */
    protected abstract void run(Task task, Map<String, Object> jobargs) throws Exception;

    /** The records of all the task's inputs, input after input, or merged by {@link #recordOrder()}. */
    public RecordInput<Object> input(Task task, boolean merged) {
        return input(task, merged, inputOpener(task), recordOrder());
    }

    /** The records of all the task's inputs opened by {@code opener}; merged by {@code order} if {@code merged}. */
    public <R> RecordInput<R> input(Task task, boolean merged, RecordOpener<R> opener, Comparator<? super R> order) {
        Objects.requireNonNull(task, "task");
        TaskContext ctx = context();
        return merged ? ctx.inputs().merged(opener, order) : ctx.inputs().serial(opener);
    }

    /** The output for {@code label} ({@code null}: the unlabelled output), opened on first use. */
    public Output output(Task task, Integer label) throws IOException {
        Objects.requireNonNull(task, "task");
        context();
        return outputs.output(label);
    }

    /**
     * The environment of the running task's worker (read-only): the process environment in a worker
     * process, the jobenvs-based map a master gives a worker it runs on a thread (see
     * {@link TaskContext#environment()}); {@link System#getenv()} outside {@link #start}.
     */
    public Map<String, String> environment() {
        return context != null ? context.environment() : System.getenv();
    }

    /** Sends a status line to the master (throttled, never dropped). */
    public void status(String text) {
        context().status(text);
    }

    /**
     * Adds {@code delta} to the running task's counter {@code name}; the task's counters reach the
     * client when it ends with success (see {@link TaskCounters}).
     *
     * @throws IllegalArgumentException for a bad counter name or too many counters
     * @throws IllegalStateException outside {@link #start}
     */
    public void count(String name, long delta) {
        context().counters().add(name, delta);
    }

    /** The order of {@code input(task, true)}: the records' natural order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Comparator<Object> recordOrder() {
        return (a, b) -> ((Comparable) a).compareTo(b);
    }

    /** Opens input URLs into records; by default the {@link TaskIoProvider} on the class path, else {@link ChainTaskIo}. */
    protected RecordOpener<Object> inputOpener(Task task) {
        return provider().inputOpener(task, this);
    }

    /** Opens outputs; by default the {@link TaskIoProvider} on the class path, else {@link ChainTaskIo}. */
    protected OutputOpener outputOpener(Task task) {
        return provider().outputOpener(task, this);
    }

    /**
     * The first {@link TaskIoProvider} the context class loader's {@link ServiceLoader} finds, else
     * the built-in {@link ChainTaskIo} (Disco's default chains through the scheme registry).
     */
    private TaskIoProvider provider() {
        Iterator<TaskIoProvider> found = ServiceLoader.load(TaskIoProvider.class,
                Thread.currentThread().getContextClassLoader()).iterator();
        return found.hasNext() ? found.next() : new ChainTaskIo();
    }

    private TaskContext context() {
        if (context == null) {
            throw new IllegalStateException("input() and output() work only on the node, inside start()");
        }
        return context;
    }
}
