package io.jdisco.testing;

import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.WorkerSession;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.jobpack.JobPack;
import io.jdisco.worker.core.protocol.channel.ChannelOptions;
import io.jdisco.worker.core.protocol.channel.FakeMaster;
import io.jdisco.worker.core.protocol.channel.MasterChannel;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.TaskRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task of a {@link Worker} through the real worker protocol, in this JVM: a job file
 * (job pack with the worker in its job data) is written to the job home, a {@link WorkerSession}
 * talks to a {@link FakeMaster} over in-memory pipes, and the master answers {@code TASK} with
 * the task set here, {@code INPUT} with the inputs set here, {@code INPUT_ERR} with {@code FAIL},
 * everything else with {@code OK}. For framework tests that need the exact protocol bytes.
 *
 * <pre>{@code
 * Transcript t = TaskHarness.of(job.worker(), home).stage("map", "split", 0, "localhost")
 *         .input(MasterInput.of(file)).run(Duration.ofSeconds(20));
 * assertEquals(WorkerSession.Outcome.DONE, t.outcome());
 * }</pre>
 */
public final class TaskHarness {
    private final Worker worker;
    private final Path home;
    private final List<MasterInput> inputs = new ArrayList<>();
    private final Map<String, Object> jobargs = new LinkedHashMap<>();
    private String jobname = "TestJob@1:2:3";
    private String host = "localhost";
    private String stage = "map";
    private String grouping = "split";
    private Object label = 0;
    private String groupHost = "localhost";
    private int taskid;
    private Path discoData;
    private InputErrPolicy policy = InputErrPolicy.REPORT;

    private TaskHarness(Worker worker, Path home) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.home = Objects.requireNonNull(home, "home").toAbsolutePath();
    }

    /** A harness running {@code worker} with job home {@code home} (created if missing). */
    public static TaskHarness of(Worker worker, Path home) {
        return new TaskHarness(worker, home);
    }

    /** The task's stage, grouping and group (label and host). */
    public TaskHarness stage(String stageName, String groupingName, Object groupLabel, String groupHostName) {
        this.stage = Objects.requireNonNull(stageName, "stageName");
        this.grouping = Objects.requireNonNull(groupingName, "groupingName");
        this.label = Objects.requireNonNull(groupLabel, "groupLabel");
        this.groupHost = Objects.requireNonNull(groupHostName, "groupHostName");
        return this;
    }

    /** The task id (default 0). */
    public TaskHarness taskid(int id) {
        this.taskid = id;
        return this;
    }

    /** The job name (default {@code TestJob@1:2:3}). */
    public TaskHarness jobname(String name) {
        this.jobname = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The host the task runs on (default {@code localhost}). */
    public TaskHarness host(String name) {
        this.host = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The node's {@code DISCO_DATA} (default {@code <home>/data}). */
    public TaskHarness discoData(Path dir) {
        this.discoData = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        return this;
    }

    /** Adds inputs the master hands out. */
    public TaskHarness input(MasterInput... in) {
        inputs.addAll(List.of(in));
        return this;
    }

    /** A job argument (shipped in the job data). */
    public TaskHarness jobarg(String key, Object value) {
        jobargs.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /** How exhausted replicas are handled (default {@code REPORT}: {@code INPUT_ERR}). */
    public TaskHarness inputErrPolicy(InputErrPolicy p) {
        this.policy = Objects.requireNonNull(p, "p");
        return this;
    }

    /**
     * Writes the job file, runs the session and returns what the worker said.
     *
     * @throws AssertionError when the session does not end within {@code timeout} or the master
     *     could not parse the worker's bytes
     */
    public Transcript run(Duration timeout) throws Exception {
        Files.createDirectories(home);
        Path jobfile = writeJobfile();
        Path data = discoData != null ? discoData : home.resolve("data");
        TaskReply reply = new TaskReply(taskid, "http://" + host + ":8989", 8989, 8990, home.resolve("ddfs").toString(),
                data.toString(), stage, grouping, label, groupHost, jobfile.toString(), jobname, host);
        InMemoryInputs master = new InMemoryInputs(inputs);
        FakeMaster.Connection connection = FakeMaster.connect((m, out) -> {
            if (m instanceof TaskRequest) {
                out.send(reply);
            } else if (m instanceof InputRequest) {
                InputRequest r = (InputRequest) m;
                out.send(r.mode() == InputRequest.Mode.INCLUDE ? master.include(r.ids())
                        : master.exclude(r.mode() == InputRequest.Mode.ALL ? List.of() : r.ids()));
            } else if (m instanceof InputErrRequest) {
                out.send(new FailReply());
            } else {
                out.send(OkReply.ok());
            }
        }, ChannelOptions.defaults());
        FakeMaster fake = connection.master();
        MasterChannel channel = connection.channel();
        CompletableFuture<WorkerSession.Outcome> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> outcome.complete(new WorkerSession(channel, policy).run()), "task-harness-worker");
        t.setDaemon(true);
        t.start();
        WorkerSession.Outcome o = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        fake.awaitEnd(timeout);
        channel.close();
        return new Transcript(o, fake.messages(), home);
    }

    private Path writeJobfile() throws IOException {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("input", List.of());
        dict.put("worker", worker.bin());
        dict.put("map?", true);
        dict.put("reduce?", true);
        dict.put("nr_reduces", 1);
        dict.put("prefix", jobname.contains("@") ? jobname.substring(0, jobname.indexOf('@')) : jobname);
        dict.put("scheduler", Map.of());
        dict.put("owner", "test@localhost");
        byte[] data = JobData.encode(worker, Map.of("name", dict.get("prefix")), jobargs);
        Path jobfile = home.resolve("jobfile");
        Files.write(jobfile, new JobPack(JobPack.VERSION1, dict, Map.of("LD_LIBRARY_PATH", "lib"), new byte[0], data)
                .encode());
        return jobfile;
    }
}
