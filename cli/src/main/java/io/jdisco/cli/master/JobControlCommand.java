package io.jdisco.cli.master;

import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.Disco;
import java.io.IOException;
import java.util.List;

/**
 * {@code kill} and {@code purge}: one request about one job to a remote master. The two differ
 * only in the request, so one class serves both. A job the master does not know is an error
 * (exit status 1), not a request that silently does nothing.
 */
public final class JobControlCommand implements Command {
    /** The request a command sends for a job. */
    @FunctionalInterface
    interface JobRequest {
        void send(Disco disco, String job) throws IOException, InterruptedException;
    }

    private final String name;
    private final JobRequest request;

    private JobControlCommand(String name, JobRequest request) {
        this.name = name;
        this.request = request;
    }

    /** {@code kill [--master URL] JOB}: kills the job; its data stays until purged. */
    public static JobControlCommand kill() {
        return new JobControlCommand("kill", Disco::kill);
    }

    /** {@code purge [--master URL] JOB}: deletes the job, its metadata and its data. */
    public static JobControlCommand purge() {
        return new JobControlCommand("purge", Disco::purge);
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
            request.send(master.disco(), job);
        }
        return 0;
    }
}
