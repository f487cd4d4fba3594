package io.jdisco.examples;

import java.util.List;
import java.util.Set;

/** {@code kill [--master URL] JOB}: Kills the job; its data stays until purged. */
public final class KillCommand implements Command {
    @Override
    public String name() {
        return "kill";
    }

    @Override
    public String usage() {
        return "kill [--master URL] JOB\n"
                + "  --master URL   the master (default: DISCO_MASTER)\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--master"));
        String job = args.positional("JOB", 1, 1).get(0);
        try (MasterConnection master = MasterConnection.remote(args.option("--master"), console)) {
            master.disco().kill(job);
        }
        return 0;
    }
}
