package io.jdisco.cli.master;

import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.JobCounters;
import java.util.List;
import java.util.Map;

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
        return JobArgs.usage(name());
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        JobArgs args = JobArgs.parse(argv);
        String job = args.job();
        try (MasterConnection master = args.connect(console)) {
            JobCounters counters = master.disco().counters(job);
            for (Map.Entry<String, Long> e : counters.totals().entrySet()) {
                console.out().println(e.getKey() + "\t" + e.getValue());
            }
        }
        return 0;
    }
}
