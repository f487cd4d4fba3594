package io.jdisco.worker.core.client;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Params;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.BasicChainContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A job the master accepted, by its name: wait for it, look at it, stop it. Thread-safe; holds
 * nothing but the name and the master.
 */
public final class RunningJob {
    private final Disco disco;
    private final String name;

    /** The job {@code name} on {@code disco}'s master. */
    public RunningJob(Disco disco, String name) {
        this.disco = Objects.requireNonNull(disco, "disco");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The master-assigned name, e.g. {@code WordCount@5a2:1b3c4:9d2e1}. */
    public String name() {
        return name;
    }

    /** The master this job runs on. */
    public Disco disco() {
        return disco;
    }

    /**
     * Waits until the job ends and returns its results (replica-URL lists).
     *
     * @throws io.jdisco.worker.JobException when the job dies, with the failing task's text
     */
    public List<List<String>> waitFor() throws IOException, InterruptedException {
        return disco.waitFor(name);
    }

    /**
     * Waits at most {@code timeout}, polling from every {@code pollInterval}.
     *
     * @throws io.jdisco.worker.JobException when the job dies or the time runs out
     */
    public List<List<String>> waitFor(Duration pollInterval, Duration timeout) throws IOException, InterruptedException {
        return disco.waitFor(name, pollInterval, timeout);
    }

    /**
     * Waits for the job, then opens its results: every record, read through Disco's internal
     * format (use {@link ResultReader#open(List, io.jdisco.taskio.InputChain,
     * io.jdisco.worker.io.ChainContext)} on {@link #waitFor()}'s URLs for another reader).
     * {@code disco://} and {@code dir://} URLs are fetched from the nodes' data servers on the
     * master's port ({@code DISCO_PORT}: Disco runs master and nodes on one port).
     */
    public ResultReader<Object> results() throws IOException, InterruptedException {
        return ResultReader.open(waitFor(), TaskIo.chainStream(), clientContext());
    }

    /** The chain context for reading this job's data from the client. */
    public BasicChainContext clientContext() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DISCO_MASTER", disco.master().toString());
        int port = disco.master().getPort();
        settings.put("DISCO_PORT", String.valueOf(port > 0 ? port : 8989));
        return BasicChainContext.outsideTask(new Params(), Schemes.shared(), settings, text -> { });
    }

    /** The job's status and progress now. */
    public JobInfo info() throws IOException, InterruptedException {
        return disco.jobInfo(name);
    }

    /** The job's events from byte {@code offset} of its event log. */
    public JobEvents events(long offset) throws IOException, InterruptedException {
        return disco.events(name, offset);
    }

    /**
     * The totals of the counters the job's functions incremented, over the tasks that have
     * finished so far (each task once, its successful attempt's counts): read from the whole
     * event log, so it works against any master.
     */
    public JobCounters counters() throws IOException, InterruptedException {
        return disco.counters(name);
    }

    /** Kills the job. */
    public void kill() throws IOException, InterruptedException {
        disco.kill(name);
    }

    /** Deletes the job and its data from the master. */
    public void purge() throws IOException, InterruptedException {
        disco.purge(name);
    }

    @Override
    public String toString() {
        return "RunningJob[" + name + " on " + disco + "]";
    }
}
