package io.jdisco.worker.classic;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.internal.diagnostics.JfrProfile;
import io.jdisco.worker.classic.internal.diagnostics.UserTraces;
import io.jdisco.worker.classic.internal.function.FunctionCalls;
import io.jdisco.worker.classic.internal.function.MapCall;
import io.jdisco.worker.classic.internal.function.Pairs;
import io.jdisco.worker.classic.internal.function.ReduceCall;
import io.jdisco.worker.classic.internal.input.ClassicInputs;
import io.jdisco.worker.classic.internal.input.ExpandingOpener;
import io.jdisco.worker.classic.internal.settings.ClassicSettings;
import io.jdisco.worker.classic.internal.settings.Truthiness;
import io.jdisco.worker.classic.internal.stage.ConcatWriter;
import io.jdisco.worker.classic.internal.stage.MapTask;
import io.jdisco.worker.classic.internal.stage.ReduceTask;
import io.jdisco.worker.classic.internal.stage.ShuffleTask;
import io.jdisco.worker.classic.internal.stage.TaskRuntime;
import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.client.Job;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.jobhome.RuntimeLibraries;
import io.jdisco.worker.core.output.Output;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.core.scheme.BasicSchemeContext;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.ChainTaskIo;
import io.jdisco.worker.fn.Emitter;
import io.jdisco.worker.fn.JobContext;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.spi.SchemeContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classic Disco map/reduce worker ({@code disco.worker.classic.worker.Worker}, SPEC §5):
 * map, partition, combiner, shuffle, optional external sort, reduce.
 *
 * <p>Its parameters are the seed's, by the seed's names (SPEC §5.1); {@link ClassicJob#builder}
 * fills them with typed, camelCase methods. Or subclass it and override {@link #map} and
 * {@link #reduce} (and set other parameters with {@link #put} in the constructor). On a node,
 * {@link #run} runs the task's stage: {@code map}, {@code map_shuffle}, {@code reduce} or
 * {@code reduce_shuffle}. On the client, {@link #jobdict} adds the classic keys.
 *
 * <p>Failures: a {@link io.jdisco.worker.DataException} (or other I/O error) from a job function
 * or an input makes the task {@code ERROR} (the master retries it); any other exception kills the
 * job with {@code FATAL}, its stack trace trimmed to the user's frames.
 */
// The typed API's JSON codec (Codecs.json) maps records with jackson-databind on the node.
@RuntimeLibraries({"com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.annotation.JsonProperty"})
public class ClassicWorker extends Worker {
    private static final long serialVersionUID = 1L;

    private transient ChainContext chain;

    /** A worker with the defaults of SPEC §5.1. */
    public ClassicWorker() {
        super();
    }

    /** A worker with the defaults overridden by {@code values} (seed parameter names). */
    public ClassicWorker(Map<String, ?> values) {
        super(values);
    }

    /** The defaults of SPEC §5.1 (plus the base worker's). */
    @Override
    protected Map<String, Object> defaults() {
        Map<String, Object> d = super.defaults();
        ClassicSettings.putDefaults(d);
        return d;
    }

    /**
     * The subclass style's map: called for every input entry when the {@code map} parameter is not
     * set and a subclass overrides this method. This default is Disco's {@code nop_map}: the entry,
     * which must be a pair, unchanged.
     */
    protected Iterable<Tuple> map(Object entry, Params params) throws IOException {
        return List.of(Pairs.check(entry, "nop_map's input"));
    }

    /**
     * The subclass style's reduce: called when the {@code reduce} parameter is not set and a
     * subclass overrides this method. This default is Disco's {@code nop_reduce}: every pair out.
     */
    protected void reduce(Iterable<Tuple> entries, Emitter out, Params params) throws IOException {
        for (Tuple t : entries) {
            out.emit(t.key(), t.value());
        }
    }

    /** True when the job has a map (the parameter, or an overridden {@link #map}). */
    public final boolean hasMap(Object mapParameter) {
        return mapParameter != null || overrides("map", Object.class, Params.class);
    }

    /** True when the job has a reduce (the parameter, or an overridden {@link #reduce}). */
    public final boolean hasReduce(Object reduceParameter) {
        return reduceParameter != null || overrides("reduce", Iterable.class, Emitter.class, Params.class);
    }

    private boolean overrides(String name, Class<?>... types) {
        for (Class<?> c = getClass(); c != ClassicWorker.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name, types);
                return true;
            } catch (NoSuchMethodException e) {
                // not here: look in the superclass
            }
        }
        return false;
    }

    // ---- client side ----------------------------------------------------------------------

    /**
     * {@code input}: the jobdict carries it to the master, which hands each task its own inputs;
     * the worker a node decodes for every task goes without the job's whole list.
     */
    @Override
    protected Set<String> clientOnlyParameters() {
        return Set.of("input");
    }

    /**
     * The classic jobdict (SPEC §5.3): the base keys, then {@code input} (index inputs expanded
     * for a map, tags expanded), {@code map?}, {@code reduce?}, {@code reduce_shuffle?},
     * {@code nr_reduces} and {@code save_results}.
     *
     * @throws UncheckedIOException when an index or tag input cannot be read
     */
    @Override
    public Map<String, Object> jobdict(Map<String, ?> job, Map<String, ?> jobargs) {
        Map<String, Object> d = super.jobdict(job, jobargs);
        ClassicStages stages = ClassicStages.of(this, job, jobargs);
        Object input = getItem("input", job, jobargs, List.of());
        int partitions = stages.partitions();
        SchemeContext ctx = clientSchemeContext(job);
        try {
            d.put("input", ClassicInputs.inputList(input, stages.hasMap(), ctx));
            d.put("map?", stages.hasMap());
            d.put("reduce?", stages.hasReduce());
            d.put("reduce_shuffle?", stages.reduceShuffle());
            d.put("nr_reduces", ClassicInputs.nrReduces(input, stages.hasMap(), partitions,
                    stages.mergePartitions(), ctx));
        } catch (IOException e) {
            throw new UncheckedIOException("the job's inputs cannot be listed: " + e.getMessage(), e);
        }
        d.put("save_results", Truthiness.isTrue(getItem("save", job, jobargs, false))
                || Truthiness.isTrue(getItem("save_results", job, jobargs, false)));
        return d;
    }

    /** How the client reads index and tag inputs: the schemes on the class path, settings from the environment. */
    protected SchemeContext clientSchemeContext() {
        return BasicSchemeContext.of(Schemes.shared());
    }

    /**
     * {@link #clientSchemeContext()}, and when the job names the master it is submitted to
     * ({@link Job#MASTER_SETTING}) and neither the system properties nor the environment set
     * {@code DISCO_MASTER}/{@code DISCO_PORT}: that master and its port, where a node's data server
     * answers (a local master listens on a port of its own, not Disco's 8989).
     */
    private SchemeContext clientSchemeContext(Map<String, ?> job) {
        SchemeContext base = clientSchemeContext();
        Object master = job == null ? null : job.get(Job.MASTER_SETTING);
        if (!(master instanceof String url) || !(base instanceof BasicSchemeContext basic)
                || base.setting("DISCO_MASTER").isPresent() || base.setting("DISCO_PORT").isPresent()) {
            return base;
        }
        java.net.URI uri = java.net.URI.create(url);
        BasicSchemeContext.Builder b = basic.toBuilder().setting("DISCO_MASTER", url);
        if (uri.getPort() > 0) {
            b.setting("DISCO_PORT", Integer.toString(uri.getPort()));
        }
        return b.build();
    }

    // ---- node side ------------------------------------------------------------------------

    /** Runs the task's stage: {@code map}, {@code map_shuffle}, {@code reduce} or {@code reduce_shuffle}. */
    @Override
    protected void run(Task task, Map<String, Object> jobargs) throws Exception {
        ClassicSettings s = new ClassicSettings(parameters());
        JfrProfile profile = s.flag("profile")
                ? JfrProfile.start(task.localPath("profile-" + task.uid() + ".jfr")) : null;
        try {
            switch (task.stage()) {
                case "map":
                    MapTask.run(runtime(task, s), mapCall(s), hasReduce(s.raw("reduce")));
                    break;
                case "map_shuffle":
                case "reduce_shuffle":
                    ShuffleTask.run(runtime(task, s));
                    break;
                case "reduce":
                    ReduceTask.run(runtime(task, s), reduceCall(s));
                    break;
                default:
                    throw new IllegalArgumentException("the classic worker has no stage '" + task.stage()
                            + "' (it runs map, map_shuffle, reduce and reduce_shuffle)");
            }
        } catch (Throwable t) {
            UserTraces.trim(t, task.stage());
            throw t;
        } finally {
            if (profile != null) {
                Path file = profile.stop();
                status("Profile of this task recorded: " + task.url(file.getFileName().toString())
                        + " (open it with JDK Mission Control or 'jfr print')");
            }
        }
    }

    /** Outputs of the stage: map and reduce through their output chains, shuffles as concatenations. */
    @Override
    protected OutputOpener outputOpener(Task task) {
        ClassicSettings s = new ClassicSettings(parameters());
        switch (task.stage()) {
            case "map":
            case "reduce":
                return ChainTaskIo.outputOpener(s.outputChain(task.stage()), chain(task));
            default:
                return (spec, file) -> new ConcatWriter(() -> TaskIo.taskOutputStream()
                        .apply(OutputLink.start(file.toString()), chain(task)).stream(), file, spec.path());
        }
    }

    /**
     * Inputs of the stage: map and reduce through their input chains, {@code dir://} inputs expanded
     * (the reduce's to its group label); other stages as the base worker opens them.
     */
    @Override
    protected RecordOpener<Object> inputOpener(Task task) {
        ClassicSettings s = new ClassicSettings(parameters());
        String stage = task.stage();
        if (!stage.equals("map") && !stage.equals("reduce")) {
            return super.inputOpener(task);
        }
        Integer label = stage.equals("reduce") && !s.flag("merge_partitions") && task.groupLabel() instanceof Integer
                ? (Integer) task.groupLabel() : null;
        return new ExpandingOpener<>(ChainTaskIo.inputOpener(s.inputChain(stage), chain(task)), chain(task), label);
    }

    private ChainContext chain(Task task) {
        if (chain == null) {
            chain = ChainTaskIo.context(task, parameters(), environment(), this::status);
        }
        return chain;
    }

    private MapCall mapCall(ClassicSettings s) {
        Params params = s.params();
        if (s.raw("map") == null && !hasMap(null)) {
            throw new IllegalStateException("this job has no map: set 'map' or override ClassicWorker.map");
        }
        return FunctionCalls.map(s.raw("map"), params,
                (entry, out) -> FunctionCalls.emitAll(map(entry, params), out, "the map"), jobContext(params));
    }

    private ReduceCall reduceCall(ClassicSettings s) {
        Params params = s.params();
        if (s.raw("reduce") == null && !hasReduce(null)) {
            throw new IllegalStateException("this job has no reduce: set 'reduce' or override ClassicWorker.reduce");
        }
        return FunctionCalls.reduce(s.raw("reduce"), params, (entries, out) -> reduce(entries, out, params),
                jobContext(params));
    }

    /** What a typed function sees of the running task: the params, this worker's counters and status. */
    private JobContext jobContext(Params params) {
        ClassicWorker w = this;
        return new JobContext() {
            @Override
            public Params params() {
                return params;
            }

            @Override
            public void count(String name, long delta) {
                w.count(name, delta);
            }

            @Override
            public void status(String text) {
                w.status(text);
            }
        };
    }

    private TaskRuntime runtime(Task task, ClassicSettings s) {
        ClassicWorker w = this;
        return new TaskRuntime() {
            @Override
            public Task task() {
                return task;
            }

            @Override
            public RecordOpener<Object> stageOpener() {
                return w.inputOpener(task);
            }

            @Override
            public ClassicSettings settings() {
                return s;
            }

            @Override
            public ChainContext chain() {
                return w.chain(task);
            }

            @Override
            public <R> Iterator<R> input(RecordOpener<R> opener) {
                return w.input(task, false, opener, null).iterator();
            }

            @Override
            public Output output(Integer label) throws IOException {
                return w.output(task, label);
            }

            @Override
            public Output anotherOutput(int label) throws IOException {
                return w.anotherOutput(task, label);
            }

            @Override
            public void status(String text) {
                w.status(text);
            }
        };
    }

    /** The names of the parameters set, for diagnostics. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + new ArrayList<>(parameters().keySet());
    }
}
