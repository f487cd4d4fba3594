package io.jdisco.cli.master;

import io.jdisco.cli.Args;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.cli.UsageException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The arguments of a command about one job of a master, {@code [--master URL] JOB}, parsed in one
 * place so that {@code counters}, {@code events}, {@code results}, {@code kill} and {@code purge}
 * accept the same options, print the same usage and fail alike on a job the master does not know.
 */
final class JobArgs {
    static final String MASTER = "--master";
    private static final String MASTER_USAGE = "  --master URL   the master (default: DISCO_MASTER)\n";

    private final String master;
    private final String job;

    private JobArgs(String master, String job) {
        this.master = master;
        this.job = Objects.requireNonNull(job, "job");
    }

    /**
     * Parses {@code argv}: an optional {@code --master URL} and exactly one job name.
     *
     * @throws UsageException for anything else, or a help request
     */
    static JobArgs parse(List<String> argv) {
        Args args = Args.parse(argv, Set.of(), Set.of(MASTER));
        return new JobArgs(args.option(MASTER), args.positional("JOB", 1, 1).get(0));
    }

    /** The usage text of command {@code name}, which takes these arguments. */
    static String usage(String name) {
        return name + " [--master URL] JOB\n" + MASTER_USAGE;
    }

    /** The usage text of command {@code name}, which takes only {@code --master URL}. */
    static String masterOnlyUsage(String name) {
        return name + " [--master URL]\n" + MASTER_USAGE;
    }

    /** The job's name. */
    String job() {
        return job;
    }

    /**
     * Connects to the master ({@code --master}, or DISCO_MASTER) and checks that it knows the job.
     *
     * @throws UsageException when no master is given at all
     * @throws IOException when the master cannot be reached or does not know the job
     */
    MasterConnection connect(Console console) throws IOException, InterruptedException {
        MasterConnection connection = MasterConnection.remote(master, console);
        try {
            connection.requireJob(job);
            return connection;
        } catch (IOException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
