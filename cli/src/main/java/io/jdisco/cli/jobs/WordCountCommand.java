package io.jdisco.cli.jobs;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.examples.WordCount;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code wordcount [--master URL] [--workers M] [--task-timeout S] [--partitions N] [--sort] [--no-combiner] INPUT...}: runs
 * {@link WordCount} and prints {@code word<TAB>count} lines sorted by word (unsigned bytes).
 */
public final class WordCountCommand implements Command {
    /**
     * The largest total input {@code --workers auto} counts on threads (256 MiB), above the
     * {@linkplain WorkerChoice#THREADS_LIMIT other commands'} 64 MiB: 100 MB counted in 3.4 s on
     * threads (two map tasks on two cores, code compiled once) against 4.7 s on reused worker
     * processes, where the file is one map task (a second JVM compiling the same code cost more
     * than the second core gave); 1 GiB took 20.3 s on threads and 15.9 s in processes, whose
     * JVMs compile the hot loop fully (bench/README.md).
     */
    public static final long THREADS_LIMIT = 256L << 20;

    @Override
    public String name() {
        return "wordcount";
    }

    @Override
    public String usage() {
        return "wordcount [--master URL] [--workers M] [--task-timeout S] [--partitions N] [--sort] [--no-combiner] INPUT...\n"
                + "  INPUT          a file path or a URL (file, http(s), raw, disco, dir, tag, plugins');\n"
                + "                 gzip, bzip2, xz and zstd are read as the text inside\n"
                + "  --master URL   submit to this master (default: an embedded local master)\n"
                + WorkerChoice.usage(THREADS_LIMIT)
                + MasterConnection.TASK_TIMEOUT_USAGE
                + "  --partitions N number of reduce tasks (default 1)\n"
                + "  --sort         sort the reduce input and group words (default: hash map)\n"
                + "  --no-combiner  do not sum counts in the map tasks\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of("--sort", "--no-combiner"), Set.of("--master", "--workers", "--task-timeout", "--partitions"));
        int partitions = args.intOption("--partitions", 1, 1);
        List<String> inputs = Inputs.urls(args.positional("INPUT", 1, Integer.MAX_VALUE));
        WordCounts counts = new WordCounts();
        MasterConnection master = MasterConnection.remoteOrEmbedded(args.option("--master"), console,
                WorkerChoice.choose(args.option("--workers"), console, inputs, THREADS_LIMIT),
                MasterConnection.taskTimeout(args.option("--task-timeout")));
        try {
            List<String> jobInputs = master.lineParts(inputs);
            JobRun.forEachPair(WordCount.job(jobInputs, partitions, args.flag("--sort"), !args.flag("--no-combiner")),
                    master, console, WorkerJit.jobenvs(master.embeddedWorkers(), jobInputs, console),
                    pair -> counts.add(pair.key(), pair.value()));
        } catch (Throwable t) {
            master.close();
            throw t;
        }
        // the results are in memory: the embedded master deletes the job's data meanwhile
        CompletableFuture<Void> closing = master.closeInBackground();
        try {
            counts.print(console.out());
        } finally {
            closing.join();
        }
        return 0;
    }
}
