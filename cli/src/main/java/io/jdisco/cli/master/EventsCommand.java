package io.jdisco.cli.master;

import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.worker.core.client.JobEvent;
import java.util.List;

/** {@code events [--master URL] JOB}: the job's event log, oldest first, as {@code time<TAB>host<TAB>message}. */
public final class EventsCommand implements Command {
    @Override
    public String name() {
        return "events";
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
            for (JobEvent e : master.disco().events(job, 0).events()) {
                console.out().println(e.timestamp() + "\t" + e.host() + "\t" + e.message());
            }
        }
        return 0;
    }
}
