package io.jdisco.cli.jobs;

import io.jdisco.cli.Args;
import io.jdisco.cli.Command;
import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.examples.KeyRanges;
import io.jdisco.examples.SortRecords;
import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.taskio.plain.ByteBlocks;
import io.jdisco.taskio.plain.CompressedText;
import io.jdisco.taskio.plain.LocalResultCopy;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.core.client.ResultReader;
import io.jdisco.worker.io.ChainContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sort [--master URL] [--workers M] [--task-timeout S] [--partitions N] [--key-bytes K] INPUT...}: runs {@link SortRecords}
 * and prints every input line once, ordered by its first K bytes (unsigned) and then by the rest.
 * The reduce results are sorted text files. Over local files the partitions are key ranges sampled
 * from the inputs ({@link KeyRanges}), and the results are copied to the output one after the
 * other, as they are; otherwise they are merged as streams of lines, each read ahead on a thread
 * of its own ({@link ReadAhead}). Either way the client holds a few blocks or batches per result
 * in memory, whatever the size of the data.
 */
public final class SortCommand implements Command {
    /**
     * The largest total input {@code --workers auto} sorts on threads (256 MiB), above the
     * {@linkplain WorkerChoice#THREADS_LIMIT other commands'} 64 MiB: on threads the 100 MB sort
     * ran clearly faster than on reused worker processes, which pay for their JVMs and compilers
     * (the figures: bench/README.md). On threads the reduces' sort buffers share the command's heap
     * (each a tenth of it, spilling to disk beyond); bigger sorts run in processes, each its own.
     */
    public static final long THREADS_LIMIT = 256L << 20;

    @Override
    public String name() {
        return "sort";
    }

    @Override
    public String usage() {
        return "sort [--master URL] [--workers M] [--task-timeout S] [--partitions N] [--key-bytes K] INPUT...\n"
                + "  INPUT          a file path or a URL of text lines (records); gzip, bzip2, xz and\n"
                + "                 zstd are read as the text inside\n"
                + "  --master URL   submit to this master (default: an embedded local master)\n"
                + WorkerChoice.usage(THREADS_LIMIT)
                + MasterConnection.TASK_TIMEOUT_USAGE
                + "  --partitions N number of reduce tasks (default 1)\n"
                + "  --key-bytes K  the key is the first K bytes of a line (default 10; 0: the whole\n"
                + "                 line); a shorter line is its own key. The output is the\n"
                + "                 lines in byte order (LC_ALL=C sort) whatever K is\n";
    }

    @Override
    public int run(List<String> argv, Console console) throws Exception {
        Args args = Args.parse(argv, Set.of(), Set.of("--master", "--workers", "--task-timeout", "--partitions", "--key-bytes"));
        int partitions = args.intOption("--partitions", 1, 1);
        int keyBytes = args.intOption("--key-bytes", 10, 0);
        List<String> inputs = Inputs.urls(args.positional("INPUT", 1, Integer.MAX_VALUE));
        try (MasterConnection master = MasterConnection.remoteOrEmbedded(args.option("--master"), console,
                WorkerChoice.choose(args.option("--workers"), console, inputs, THREADS_LIMIT),
                MasterConnection.taskTimeout(args.option("--task-timeout")))) {
            KeyRanges ranges = ranges(inputs, keyBytes, partitions);
            List<String> read = master.lineParts(inputs);
            ClassicJob job = (ranges != null ? SortRecords.job(read, keyBytes, ranges)
                    : SortRecords.job(read, keyBytes, partitions)).classicJob();
            List<List<String>> results = JobRun.results(job, master, console);
            if (ranges != null || results.size() == 1) {
                concatenate(results, master, console);
            } else {
                merge(results, master, console.out());
            }
        }
        return 0;
    }

    /**
     * The key ranges to partition by when there are several partitions and every input is a local
     * file ({@link KeyRanges#sample}); else null: the default partition. Either way the output is
     * the same.
     */
    static KeyRanges ranges(List<String> inputs, int keyBytes, int partitions) throws IOException {
        if (partitions < 2) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            Path f = WorkerChoice.localFile(input);
            if (f == null || !Files.isRegularFile(f) || CompressedText.isCompressed(f)) {
                return null;
            }
            files.add(f);
        }
        return KeyRanges.sample(files, keyBytes == 0 ? Integer.MAX_VALUE : keyBytes, partitions);
    }

    /**
     * Copies the results, sorted key ranges in order, to the output as they are: an embedded
     * master's in the kernel when the output is this process's own ({@link LocalResultCopy}),
     * others in blocks through the input chain.
     */
    private static void concatenate(List<List<String>> results, MasterConnection master, Console console)
            throws IOException {
        ChainContext context = master.readContext();
        Optional<FileChannel> channel = master.embedded() ? console.outChannel() : Optional.empty();
        OutputStream out = console.out();
        for (List<String> replicas : results) {
            out.flush();
            if (channel.isPresent() && LocalResultCopy.copy(replicas.get(0), context, channel.get())) {
                continue;
            }
            try (ResultReader<byte[]> blocks = ResultReader.open(List.of(replicas),
                    InputChain.of(List.of(TaskIo.taskInputStream()), new ByteBlocks()), context)) {
                while (blocks.advance()) {
                    out.write(blocks.current());
                }
            }
        }
        out.flush();
    }

    /** Merges the results, each sorted, into {@code out}. */
    private static void merge(List<List<String>> results, MasterConnection master, OutputStream out) throws IOException {
        List<ReadAhead> readers = new ArrayList<>();
        try {
            for (List<String> replicas : results) {
                readers.add(ReadAhead.start(ResultReader.open(List.of(replicas), SortRecords.RESULT_LINES,
                        master.readContext()), "jdisco-sort-result-" + readers.size()));
            }
            SortedMerge.merge(readers, out);
        } finally {
            for (ReadAhead r : readers) {
                r.close();
            }
        }
    }
}
