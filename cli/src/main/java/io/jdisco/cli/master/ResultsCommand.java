package io.jdisco.cli.master;

import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.Main;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.JobResults;
import io.jdisco.worker.core.client.JobStatus;
import java.util.List;

/**
 * {@code results [--master URL] JOB}: the result URLs of a finished job, one result per line (its
 * replicas separated by TAB), to read with {@code cat}. A job that is not ready is reported on
 * standard error with exit status 1.
 */
public final class ResultsCommand implements Command {
    @Override
    public String name() {
        return "results";
    }

    @Override
    public String usage() {
        return JobArgs.usage(name());
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        JobArgs args = JobArgs.parse(argv);
        String job = args.job();
        try (MasterConnection master = args.connect(console)) {
            JobResults r = master.disco().results(job, 0);
            if (r.status() != JobStatus.READY) {
                console.err().println("jdisco results: job " + job + " is " + r.status().wireName());
                return Main.FAILED;
            }
            for (List<String> replicas : r.results()) {
                console.out().println(String.join("\t", replicas));
            }
        }
        return 0;
    }
}
