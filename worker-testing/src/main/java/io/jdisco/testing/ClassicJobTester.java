package io.jdisco.testing;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.ClassicStages;
import io.jdisco.worker.classic.ClassicWorker;
import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Runs a classic job without a master, to test it: each input through a {@code map} task, the
 * map outputs through a {@code map_shuffle} task, then one {@code reduce} task per label (or one
 * for all), and a {@code reduce_shuffle} if asked — the stages a Disco master would run
 * (SPEC §3.5), with the job's real functions, partitioner, combiner, sort and chains, the real
 * index files and schemes, and each task working on its own deserialized copy of the job (and so
 * of its {@code Params}), as on a node.
 *
 * <pre>{@code
 * JobRun run = ClassicJobTester.of(job).inputLines("a b", "b").workDir(tmp).run();
 * assertEquals(List.of(pair("a", 1L), pair("b", 2L)), run.sortedResults());
 * }</pre>
 */
public final class ClassicJobTester {
    private final String name;
    private final ClassicWorker worker;
    private final List<String> inputs = new ArrayList<>();
    private final Map<String, Object> jobargs = new LinkedHashMap<>();
    private final List<byte[]> pendingLines = new ArrayList<>();
    private final List<List<?>> pendingRecords = new ArrayList<>();
    private final List<Integer> order = new ArrayList<>();
    private Path workDir;

    private ClassicJobTester(String name, ClassicWorker worker) {
        this.name = Objects.requireNonNull(name, "name");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    /** A tester of {@code job}. */
    public static ClassicJobTester of(ClassicJob job) {
        Objects.requireNonNull(job, "job");
        return new ClassicJobTester(job.name(), job.worker());
    }

    /** A tester of a job named {@code name} run by {@code worker} (a subclass, say). */
    public static ClassicJobTester of(String name, ClassicWorker worker) {
        return new ClassicJobTester(name, worker);
    }

    /** Adds one input holding these lines, each ending in {@code \n}. */
    public ClassicJobTester inputLines(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return inputBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Adds one input holding exactly these bytes. */
    public ClassicJobTester inputBytes(byte[] data) {
        pendingLines.add(data.clone());
        order.add(-pendingLines.size());
        return this;
    }

    /** Adds one input in Disco's internal format holding these pairs (as a previous job's output). */
    public ClassicJobTester inputRecords(Tuple... pairs) {
        return inputRecords(Arrays.asList(pairs));
    }

    /** Adds one input in Disco's internal format holding these pairs. */
    public ClassicJobTester inputRecords(List<Tuple> pairs) {
        pendingRecords.add(List.copyOf(pairs));
        order.add(pendingRecords.size());
        return this;
    }

    /** Adds an input file. */
    public ClassicJobTester inputFile(Path file) {
        return input(file.toAbsolutePath().toString());
    }

    /** Adds an input URL (any scheme on the class path). */
    public ClassicJobTester input(String url) {
        inputs.add(Objects.requireNonNull(url, "url"));
        order.add(0);
        return this;
    }

    /** A job argument: overrides the job's parameter {@code key}, as {@code Job.run(key=value)}. */
    public ClassicJobTester jobarg(String key, Object value) {
        jobargs.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /** The directory the node lives in (default: a new temporary directory, left for inspection). */
    public ClassicJobTester workDir(Path dir) {
        this.workDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Runs the job.
     *
     * @throws TaskFailedException when a task fails
     */
    public JobRun run() throws IOException {
        Path root = workDir != null ? workDir : Files.createTempDirectory("jdisco-test-");
        Files.createDirectories(root);
        List<MasterInput> jobInputs = writeInputs(root.resolve("inputs"));
        String jobname = name + "@test:" + Long.toHexString(System.nanoTime());
        Map<String, Object> job = Map.of("name", name);
        InMemoryNode node = new InMemoryNode(root.resolve("node"), jobname, worker, job, jobargs);
        ClassicStages plan = ClassicStages.of(worker, job, jobargs);
        Map<String, List<InMemoryNode.TaskRun>> stages = new LinkedHashMap<>();
        String last = null;
        List<MasterInput> next = jobInputs;
        if (plan.hasMap()) {
            List<MasterInput> indexes = new ArrayList<>();
            for (MasterInput in : jobInputs) {
                InMemoryNode.TaskRun t = node.run("map", "split", 0, InMemoryNode.HOST, List.of(in));
                add(stages, "map", t);
                if (!t.outputs().isEmpty()) {
                    indexes.add(new MasterInput("all", List.of(t.index())));
                }
            }
            next = shuffle(node, stages, "map_shuffle", indexes);
            last = next.isEmpty() ? null : "map_shuffle";
        }
        if (plan.hasReduce() && !next.isEmpty()) {
            int nr = nrReduces(plan);
            List<MasterInput> reduced = new ArrayList<>();
            for (int label : nr == 1 ? List.of(0) : labels(stages.get("map_shuffle"))) {
                List<MasterInput> ins = new ArrayList<>();
                for (MasterInput in : next) {
                    ins.add(nr == 1 ? in : new MasterInput(label, in.replicas()));
                }
                InMemoryNode.TaskRun t = node.run("reduce", nr == 1 ? "group_all" : "group_label", label, "", ins);
                add(stages, "reduce", t);
                reduced.add(new MasterInput("all", List.of(t.index())));
            }
            last = "reduce";
            if (nr != 1 && plan.reduceShuffle()) {
                last = shuffle(node, stages, "reduce_shuffle", reduced).isEmpty() ? last : "reduce_shuffle";
            }
        }
        return new JobRun(stages, last, node.messages());
    }

    private List<MasterInput> shuffle(InMemoryNode node, Map<String, List<InMemoryNode.TaskRun>> stages,
            String stage, List<MasterInput> indexes) throws IOException {
        if (indexes.isEmpty()) {
            return List.of();
        }
        InMemoryNode.TaskRun t = node.run(stage, "group_node", 0, InMemoryNode.HOST, indexes);
        add(stages, stage, t);
        return t.outputs().isEmpty() ? List.of() : List.of(new MasterInput("all", List.of(t.index())));
    }

    /** The jobdict's {@code nr_reduces} for the inputs this kit gives a map: labels, or one for all. */
    private static int nrReduces(ClassicStages plan) {
        if (plan.mergePartitions() || !plan.hasMap()) {
            return 1;
        }
        return plan.partitions() > 0 ? plan.partitions() : 1;
    }

    private static List<Integer> labels(List<InMemoryNode.TaskRun> shuffles) {
        TreeSet<Integer> labels = new TreeSet<>();
        for (InMemoryNode.TaskRun t : shuffles) {
            t.outputs().forEach(o -> labels.add(o.label()));
        }
        return new ArrayList<>(labels);
    }

    private static void add(Map<String, List<InMemoryNode.TaskRun>> stages, String stage, InMemoryNode.TaskRun t) {
        stages.computeIfAbsent(stage, s -> new ArrayList<>()).add(t);
    }

    private List<MasterInput> writeInputs(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<MasterInput> out = new ArrayList<>();
        int urls = 0;
        for (int i = 0; i < order.size(); i++) {
            int which = order.get(i);
            String url;
            if (which == 0) {
                url = inputs.get(urls++);
            } else if (which < 0) {
                Path f = dir.resolve("input-" + i + ".txt");
                Files.write(f, pendingLines.get(-which - 1));
                url = f.toAbsolutePath().toString();
            } else {
                Path f = dir.resolve("input-" + i + ".disco");
                writeRecords(f, pendingRecords.get(which - 1));
                url = f.toAbsolutePath().toString();
            }
            out.add(MasterInput.of(url));
        }
        return out;
    }

    private static void writeRecords(Path file, List<?> pairs) throws IOException {
        try (RecordWriter w = TaskIo.discoOutputStream().open(
                new io.jdisco.worker.io.OutputLink(Files.newOutputStream(file), file.toString()), OfflineContext.INSTANCE)) {
            for (Object o : pairs) {
                Tuple t = (Tuple) o;
                w.add(t.key(), t.value());
            }
        }
    }
}
