package io.jdisco.cli.master;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.Main;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.JobResults;
import io.jdisco.worker.core.client.JobStatus;
import java.util.List;
import java.util.Set;

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
        return "results [--master URL] JOB\n"
                + "  --master URL   the master (default: DISCO_MASTER)\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--master"));
        String job = args.positional("JOB", 1, 1).get(0);
        try (MasterConnection master = MasterConnection.remote(args.option("--master"), console)) {
            master.requireJob(job);
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
