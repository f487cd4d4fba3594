package io.jdisco.cli.master;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.JobEvent;
import java.util.List;
import java.util.Set;

/** {@code events [--master URL] JOB}: the job's event log, oldest first, as {@code time<TAB>host<TAB>message}. */
public final class EventsCommand implements Command {
    @Override
    public String name() {
        return "events";
    }

    @Override
    public String usage() {
        return "events [--master URL] JOB\n"
                + "  --master URL   the master (default: DISCO_MASTER)\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--master"));
        String job = args.positional("JOB", 1, 1).get(0);
        try (MasterConnection master = MasterConnection.remote(args.option("--master"), console)) {
            master.requireJob(job);
            for (JobEvent e : master.disco().events(job, 0).events()) {
                console.out().println(e.timestamp() + "\t" + e.host() + "\t" + e.message());
            }
        }
        return 0;
    }
}
