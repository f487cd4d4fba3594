package io.jdisco.examples;

import java.util.List;
import java.util.Set;

/** {@code purge [--master URL] JOB}: Deletes the job, its metadata and its data. */
public final class PurgeCommand implements Command {
    @Override
    public String name() {
        return "purge";
    }

    @Override
    public String usage() {
        return "purge [--master URL] JOB\n"
                + "  --master URL   the master (default: DISCO_MASTER)\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--master"));
        String job = args.positional("JOB", 1, 1).get(0);
        try (MasterConnection master = MasterConnection.remote(args.option("--master"), console)) {
            master.disco().purge(job);
        }
        return 0;
    }
}
