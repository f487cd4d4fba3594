package io.jdisco.cli.jobs;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.cli.UsageException;
import io.jdisco.examples.Join;
import io.jdisco.taskio.plain.RecordText;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.KeyValue;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code join [--master URL] [--workers M] [--task-timeout S] [--partitions N] LEFT RIGHT}: runs {@link Join} over two inputs of
 * {@code key<TAB>value} lines and prints {@code key<TAB>left<TAB>right} for every match, sorted.
 */
public final class JoinCommand implements Command {
    @Override
    public String name() {
        return "join";
    }

    @Override
    public String usage() {
        return "join [--master URL] [--workers M] [--task-timeout S] [--partitions N] LEFT RIGHT\n"
                + "  LEFT, RIGHT    file paths or URLs of key<TAB>value lines (compressed ones: the text inside)\n"
                + "  --master URL   submit to this master (default: an embedded local master)\n"
                + WorkerChoice.USAGE
                + MasterConnection.TASK_TIMEOUT_USAGE
                + "  --partitions N number of reduce tasks (default 1)\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--master", "--workers", "--task-timeout", "--partitions"));
        int partitions = args.intOption("--partitions", 1, 1);
        List<String> inputs = Inputs.urls(args.positional("LEFT and RIGHT", 2, 2));
        if (inputs.get(0).equals(inputs.get(1))) {
            throw new UsageException("LEFT and RIGHT must be different inputs");
        }
        List<KeyValue<Bytes, Join.Match>> matches;
        try (MasterConnection master = MasterConnection.remoteOrEmbedded(args.option("--master"), console,
                WorkerChoice.choose(args.option("--workers"), console, inputs),
                MasterConnection.taskTimeout(args.option("--task-timeout")))) {
            matches = JobRun.pairs(Join.job(inputs.get(0), inputs.get(1), partitions), master, console);
        }
        matches.sort(Comparator.<KeyValue<Bytes, Join.Match>, Bytes>comparing(KeyValue::key)
                .thenComparing(m -> m.value().left()).thenComparing(m -> m.value().right()));
        OutputStream out = new BufferedOutputStream(console.out(), 1 << 16);
        for (KeyValue<Bytes, Join.Match> m : matches) {
            RecordText.line(out, new Object[] {m.key(), m.value().left(), m.value().right()});
        }
        out.flush();
        return 0;
    }
}
