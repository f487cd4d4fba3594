package io.jdisco.worker.core;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.RecordInput;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.jobhome.JobHomeWriter;
import io.jdisco.worker.core.jobhome.WorkerJobHome;
import io.jdisco.worker.core.jobpack.JobDicts;
import io.jdisco.worker.core.jobpack.JobPack;
import io.jdisco.worker.core.output.Output;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.core.taskio.ChainTaskIo;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The base of every jdisco worker (the seed's {@code disco.worker.Worker}): a map of parameters
 * that describes the job on the client, and the code that runs a task on the node.
 *
 * <p>Client side: {@link #jobdict}, {@link #jobenvs}, {@link #jobhome} describe the job, which
 * {@link io.jdisco.worker.core.jobpack.JobPacker} packs with this worker in the job data. Node
 * side ({@link WorkerMain}, the seed's {@code main}): {@link #start} runs {@link #run} in a
 * {@link TaskRun}; {@link #input} and {@link #output} give {@code run} its records and writers.
 */
public abstract class Worker implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> params;
    private transient TaskRun running;

    /** A worker with the {@link #defaults()}. */
    protected Worker() {
        this(Map.of());
    }

    /** A worker with the {@link #defaults()} overridden by {@code values}. */
    protected Worker(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        this.params = new LinkedHashMap<>(defaults());
        this.params.putAll(values);
    }

    /**
     * The default parameters: {@code save_results} false, {@code save_info} "ddfs", {@code profile}
     * false, {@code required_files} empty, {@code required_modules} {@code null} (found from the job
     * functions). Subclasses add theirs; it runs in the constructor, so it must not use their fields.
     */
    protected Map<String, Object> defaults() {
        return JobDicts.defaults();
    }

    /** Parameters only the client needs (the input list), left out of what a node decodes ({@link NodeBoundOutput}). */
    protected Set<String> clientOnlyParameters() {
        return Set.of();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        ObjectOutputStream.PutField fields = out.putFields();
        fields.put("params", NodeBoundOutput.shipped(out, params, clientOnlyParameters()));
        out.writeFields();
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

    /** The seed's {@code getitem} (SPEC §5.2): {@code key} from jobargs, job, parameters, else {@code dflt}. */
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

    /** The worker executable, relative to the job home: the jobdict's {@code worker}. */
    public String bin() {
        return "bin/worker";
    }

    /** The basic jobdict ({@link JobDicts#basic}); subclasses add their keys (e.g. {@code input}, {@code pipeline}). */
    public Map<String, Object> jobdict(Map<String, ?> job, Map<String, ?> jobargs) {
        return JobDicts.basic(bin(), (key, dflt) -> getItem(key, job, jobargs, dflt));
    }

    /** The job's environment: {@code LD_LIBRARY_PATH=lib} plus the string map parameter {@code jobenvs}, if any. */
    public Map<String, String> jobenvs(Map<String, ?> job, Map<String, ?> jobargs) {
        return JobDicts.envs((key, dflt) -> getItem(key, job, jobargs, dflt));
    }

    /** The job pack version of this worker's jobs: 1 (classic); a pipeline worker returns 2. */
    public int jobpackVersion() {
        return JobPack.VERSION1;
    }

    /** The job home zip (the seed's {@code jobzip}, {@link WorkerJobHome}); subclasses may add entries. */
    public JobHomeWriter jobzip(Map<String, ?> job, Map<String, ?> jobargs) throws IOException {
        return WorkerJobHome.build(this, bin(), parameters(), getItem("required_modules", job, jobargs, null),
                getItem("required_files", job, jobargs, null),
                WorkerJobHome.Runtime.fromSetting(getItem(WorkerJobHome.RUNTIME_SETTING, job, jobargs, null)));
    }

    /** The job home section of the job pack: {@link #jobzip} serialized. */
    public byte[] jobhome(Map<String, ?> job, Map<String, ?> jobargs) throws IOException {
        return jobzip(job, jobargs).toByteArray();
    }

    /** Runs {@code task} on the node: every parameter resolved (SPEC §5.2), {@link #run} in a {@link TaskRun}. */
    public final void start(Task task, Map<String, ?> job, Map<String, Object> jobargs, TaskContext ctx)
            throws Exception {
        this.running = new TaskRun(task, ctx);
        for (String key : new ArrayList<>(params.keySet())) {
            params.put(key, getItem(key, job, jobargs, params.get(key)));
        }
        running.execute(outputOpener(task), () -> run(task, jobargs));
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
        return running().input(merged, opener, order);
    }

    /** The output for {@code label} ({@code null}: the unlabelled output), opened on first use. */
    public Output output(Task task, Integer label) throws IOException {
        Objects.requireNonNull(task, "task");
        return running().output(label);
    }

    /**
     * A further output of {@code label}, after its first: the file {@code <first's path>-<n>},
     * announced with the same label. Readers of the label read the outputs in order, as one
     * stream of their bytes; a shuffle stage passes on a label's big files so, each hard-linked,
     * instead of copying them into one (see {@code TaskOutputs.another}).
     */
    public Output anotherOutput(Task task, int label) throws IOException {
        Objects.requireNonNull(task, "task");
        return running().another(label);
    }

    /** The running task's environment ({@link TaskContext#environment()}); else {@link System#getenv()}. */
    public Map<String, String> environment() {
        return running != null ? running.context().environment() : System.getenv();
    }

    /** Sends a status line to the master (throttled, never dropped). */
    public void status(String text) {
        running().context().status(text);
    }

    /** Adds {@code delta} to the running task's counter {@code name} ({@link TaskCounters}'s rules). */
    public void count(String name, long delta) {
        running().context().counters().add(name, delta);
    }

    /** The order of {@code input(task, true)}: the records' natural order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Comparator<Object> recordOrder() {
        return (a, b) -> ((Comparable) a).compareTo(b);
    }

    /** Opens input URLs into records: through this worker's {@code input_chain}, else Disco's default chain. */
    protected RecordOpener<Object> inputOpener(Task task) {
        return ChainTaskIo.defaultInputOpener(task, parameters(), environment(), this::status);
    }

    /** Opens outputs: through this worker's {@code output_chain}, else Disco's default chain. */
    protected OutputOpener outputOpener(Task task) {
        return ChainTaskIo.defaultOutputOpener(task, parameters(), environment(), this::status);
    }

    private TaskRun running() {
        if (running == null) {
            throw new IllegalStateException("input() and output() work only on the node, inside start()");
        }
        return running;
    }
}
