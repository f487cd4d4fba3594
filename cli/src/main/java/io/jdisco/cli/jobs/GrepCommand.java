package io.jdisco.cli.jobs;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.cli.UsageException;
import io.jdisco.examples.Grep;
import io.jdisco.taskio.plain.RecordText;
import io.jdisco.worker.KeyValue;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code grep PATTERN [--master URL] [--workers M] [--task-timeout S] INPUT...}: runs {@link Grep} and prints {@code url<TAB>line}
 * for every line containing a match, by input URL, then in line order.
 */
public final class GrepCommand implements Command {
    @Override
    public String name() {
        return "grep";
    }

    @Override
    public String usage() {
        return "grep PATTERN [--master URL] [--workers M] [--task-timeout S] INPUT...\n"
                + "  PATTERN        a Java regular expression, found anywhere in a line\n"
                + "  INPUT          a file path or a URL; gzip, bzip2, xz and zstd are read as the text inside\n"
                + "  --master URL   submit to this master (default: an embedded local master)\n"
                + WorkerChoice.USAGE
                + MasterConnection.TASK_TIMEOUT_USAGE;
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--master", "--workers", "--task-timeout"));
        List<String> positional = args.positional("PATTERN and INPUT", 2, Integer.MAX_VALUE);
        String pattern = positional.get(0);
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new UsageException("bad PATTERN: " + e.getMessage());
        }
        List<String> inputs = Inputs.urls(positional.subList(1, positional.size()));
        List<KeyValue<String, Grep.Hit>> hits;
        try (MasterConnection master = MasterConnection.remoteOrEmbedded(args.option("--master"), console,
                WorkerChoice.choose(args.option("--workers"), console, inputs),
                MasterConnection.taskTimeout(args.option("--task-timeout")))) {
            hits = JobRun.pairs(Grep.job(pattern, inputs), master, console);
        }
        hits.sort(Comparator.<KeyValue<String, Grep.Hit>, Object>comparing(KeyValue::key, RecordText.ORDER)
                .thenComparingLong(h -> h.value().number()));
        OutputStream out = new BufferedOutputStream(console.out(), 1 << 16);
        for (KeyValue<String, Grep.Hit> h : hits) {
            RecordText.line(out, h.key(), h.value().line());
        }
        out.flush();
        return 0;
    }
}
