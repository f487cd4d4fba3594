package io.jdisco.cli.master;

import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.Main;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.JobEvent;
import io.jdisco.worker.core.client.JobResults;
import io.jdisco.worker.core.client.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The commands about one job of a master, {@code NAME [--master URL] JOB}: {@code events},
 * {@code results}, {@code counters}, {@code kill} and {@code purge}. They share their arguments,
 * the connection and its errors (a job the master does not know is an error, exit status 1, not a
 * request that silently does nothing) and differ only in what they ask, so one class serves all.
 */
public final class JobCommand implements Command {
    /** What a command does with the job once connected; returns the exit status. */
    @FunctionalInterface
    interface JobAction {
        int run(MasterConnection master, String job, Console console) throws Exception;
    }

    private final String name;
    private final JobAction action;

    private JobCommand(String name, JobAction action) {
        this.name = Objects.requireNonNull(name, "name");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** {@code events}: the job's event log, oldest first, as {@code time<TAB>host<TAB>message}. */
    public static JobCommand events() {
        return new JobCommand("events", (master, job, console) -> {
            for (JobEvent e : master.disco().events(job, 0).events()) {
                console.out().println(e.timestamp() + "\t" + e.host() + "\t" + e.message());
            }
            return 0;
        });
    }

    /**
     * {@code results}: the result URLs of a finished job, one result per line (its replicas
     * separated by TAB), to read with {@code cat}. A job that is not ready is reported on standard
     * error with exit status 1.
     */
    public static JobCommand results() {
        return new JobCommand("results", (master, job, console) -> {
            JobResults r = master.disco().results(job, 0);
            if (r.status() != JobStatus.READY) {
                console.err().println("jdisco results: job " + job + " is " + r.status().wireName());
                return Main.FAILED;
            }
            for (List<String> replicas : r.results()) {
                console.out().println(String.join("\t", replicas));
            }
            return 0;
        });
    }

    /**
     * {@code counters}: the job's counter totals as {@code name<TAB>value} lines sorted by name,
     * read from its event log (so any master, Disco's too, serves them): each task's counts once,
     * from its successful attempt. A job that counted nothing prints nothing.
     */
    public static JobCommand counters() {
        return new JobCommand("counters", (master, job, console) -> {
            for (Map.Entry<String, Long> e : master.disco().counters(job).totals().entrySet()) {
                console.out().println(e.getKey() + "\t" + e.getValue());
            }
            return 0;
        });
    }

    /** {@code kill}: kills the job; its data stays until purged. */
    public static JobCommand kill() {
        return new JobCommand("kill", (master, job, console) -> {
            master.disco().kill(job);
            return 0;
        });
    }

    /** {@code purge}: deletes the job, its metadata and its data. */
    public static JobCommand purge() {
        return new JobCommand("purge", (master, job, console) -> {
            master.disco().purge(job);
            return 0;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return JobArgs.usage(name);
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        JobArgs args = JobArgs.parse(argv);
        String job = args.job();
        try (MasterConnection master = args.connect(console)) {
            return action.run(master, job, console);
        }
    }
}
