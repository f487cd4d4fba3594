package io.jdisco.testing;

import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.TaskContext;
import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.input.TaskInputs;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.output.OutputReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One Disco node in a directory: {@code DISCO_DATA} and {@code DDFS_DATA} under a root, host
 * {@code localhost}, one job home. Runs tasks of one job in this JVM — each with its own copy of the
 * worker, deserialized from the job data as on a real node — and writes each task's results index
 * ({@code dir://} file) as the master would, so later stages read earlier outputs through the
 * real {@code dir://} and {@code disco://} schemes.
 */
public final class InMemoryNode {
    /** The node's host name. */
    public static final String HOST = "localhost";

    private final Path discoData;
    private final Path ddfsData;
    private final String jobname;
    private final Path jobHome;
    private final byte[] jobdata;
    private final List<String> messages = new ArrayList<>();
    private int nextTaskId;

    /**
     * A node under {@code root} for job {@code jobname}, whose tasks run {@code worker} with the
     * job settings {@code job} and the job arguments {@code jobargs}.
     */
    public InMemoryNode(Path root, String jobname, Worker worker, Map<String, ?> job, Map<String, ?> jobargs)
            throws IOException {
        Objects.requireNonNull(root, "root");
        this.jobname = Objects.requireNonNull(jobname, "jobname");
        this.discoData = root.resolve("data").toAbsolutePath();
        this.ddfsData = root.resolve("ddfs").toAbsolutePath();
        this.jobHome = discoData.resolve(HOST).resolve(DiscoNames.hexhash(jobname)).resolve(jobname);
        Files.createDirectories(jobHome.resolve(".disco"));
        Files.createDirectories(ddfsData);
        this.jobdata = JobData.encode(worker, job, jobargs);
    }

    /** The job home. */
    public Path jobHome() {
        return jobHome;
    }

    /** Every status text of every task so far, in order. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /**
     * Runs one task.
     *
     * @throws TaskFailedException when the task fails (its outputs are discarded, as on a node)
     */
    public TaskRun run(String stage, String grouping, Object label, String groupHost, List<MasterInput> inputs)
            throws IOException {
        int taskid = nextTaskId++;
        Task task = Task.builder().taskid(taskid).master("http://" + HOST + ":8989").ddfsData(ddfsData.toString())
                .discoData(discoData.toString()).stage(stage).grouping(grouping).group(label, groupHost)
                .jobfile(jobHome.resolve("jobfile").toString()).jobname(jobname).host(HOST).build();
        List<TaskOutput> outputs = new ArrayList<>();
        List<String> said = new ArrayList<>();
        OutputReporter reporter = new OutputReporter() {
            @Override
            public void output(int l, String location, long size) {
                outputs.add(new TaskOutput(l, location, size, jobHome.resolve(location)));
            }

            @Override
            public void status(String text) {
                said.add(text);
            }
        };
        Predicate<String> noLocalReplicas = url -> false;
        TaskContext ctx = new TaskContext(new TaskInputs(new InMemoryInputs(inputs), noLocalReplicas,
                InputErrPolicy.SILENT), reporter, said::add);
        JobData data = JobData.decode(jobdata);
        try {
            data.worker().start(task, data.job(), new LinkedHashMap<>(data.jobargs()), ctx);
        } catch (Exception | Error e) {
            throw new TaskFailedException(stage, taskid, e);
        } finally {
            messages.addAll(said);
        }
        return new TaskRun(task, outputs, said, writeIndex(stage, taskid, outputs), ctx.counters().snapshot());
    }

    /** Writes {@code .disco/<stage>-<taskid>.results} and returns its {@code dir://} URL. */
    private String writeIndex(String stage, int taskid, List<TaskOutput> outputs) throws IOException {
        String name = ".disco/" + stage + "-" + taskid + ".results";
        StringBuilder sb = new StringBuilder();
        for (TaskOutput o : outputs) {
            sb.append(o.label()).append(' ').append(url("disco", o.path())).append(' ').append(o.size()).append('\n');
        }
        Files.writeString(jobHome.resolve(name), sb.toString(), StandardCharsets.UTF_8);
        return url("dir", name);
    }

    /** {@code <scheme>://localhost/disco/<jobpath>/<path>}: how the node serves a job-home file. */
    public String url(String scheme, String path) {
        return scheme + "://" + HOST + "/disco/" + HOST + "/" + DiscoNames.hexhash(jobname) + "/" + jobname + "/" + path;
    }

    /**
     * A finished task.
     *
     * @param task the task
     * @param outputs its outputs, in the order announced
     * @param messages its status texts
     * @param index the {@code dir://} URL of its results index
     * @param counters the counters its functions incremented, by name
     */
    public record TaskRun(Task task, List<TaskOutput> outputs, List<String> messages, String index,
            Map<String, Long> counters) {
    }
}
