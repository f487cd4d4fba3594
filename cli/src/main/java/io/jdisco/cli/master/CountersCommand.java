package io.jdisco.cli.master;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.JobCounters;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code counters [--master URL] JOB}: the job's counter totals as {@code name<TAB>value} lines
 * sorted by name, read from its event log (so any master, Disco's too, serves them): each task's
 * counts once, from its successful attempt. A job that counted nothing prints nothing.
 */
public final class CountersCommand implements Command {
    @Override
    public String name() {
        return "counters";
    }

    @Override
    public String usage() {
        return "counters [--master URL] JOB\n"
                + "  --master URL   the master (default: DISCO_MASTER)\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--master"));
        String job = args.positional("JOB", 1, 1).get(0);
        try (MasterConnection master = MasterConnection.remote(args.option("--master"), console)) {
            master.requireJob(job);
            JobCounters counters = master.disco().counters(job);
            for (Map.Entry<String, Long> e : counters.totals().entrySet()) {
                console.out().println(e.getKey() + "\t" + e.getValue());
            }
        }
        return 0;
    }
}
