package io.jdisco.cli.master;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.JobListing;
import java.util.List;
import java.util.Set;

/** {@code jobs [--master URL]}: the master's jobs, newest first, as {@code started<TAB>status<TAB>name}. */
public final class JobsCommand implements Command {
    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public String usage() {
        return JobArgs.masterOnlyUsage(name());
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of(JobArgs.MASTER));
        args.positional("nothing", 0, 0);
        try (MasterConnection master = MasterConnection.remote(args.option(JobArgs.MASTER), console)) {
            for (JobListing j : master.disco().jobs()) {
                console.out().println(j.started() + "\t" + j.status().wireName() + "\t" + j.name());
            }
        }
        return 0;
    }
}
