package io.jdisco.cli.jobs;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.examples.WordCount;
import io.jdisco.taskio.plain.RecordText;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.KeyValue;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * {@code wordcount [--master URL] [--workers M] [--task-timeout S] [--partitions N] [--sort] [--no-combiner] INPUT...}: runs
 * {@link WordCount} and prints {@code word<TAB>count} lines sorted by word (unsigned bytes).
 */
public final class WordCountCommand implements Command {
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
                + WorkerChoice.USAGE
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
        List<KeyValue<Bytes, Long>> records;
        try (MasterConnection master = MasterConnection.remoteOrEmbedded(args.option("--master"), console,
                WorkerChoice.choose(args.option("--workers"), console, inputs),
                MasterConnection.taskTimeout(args.option("--task-timeout")))) {
            List<String> jobInputs = master.lineParts(inputs);
            records = JobRun.pairs(WordCount.job(jobInputs, partitions, args.flag("--sort"), !args.flag("--no-combiner")),
                    master, console);
        }
        @SuppressWarnings("unchecked")
        KeyValue<Bytes, Long>[] counts = records.toArray(new KeyValue[0]);
        records = null;
        KeySort.sortByKey(counts);
        OutputStream out = new BufferedOutputStream(console.out(), 1 << 16);
        for (KeyValue<Bytes, Long> t : counts) {
            RecordText.pair(out, t.key(), t.value());
        }
        out.flush();
        return 0;
    }
}
