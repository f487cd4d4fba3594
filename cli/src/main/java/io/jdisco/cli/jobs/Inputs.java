package io.jdisco.cli.jobs;

import io.jdisco.cli.UsageException;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.schemes.part.PartUrl;
import io.jdisco.taskio.plain.CompressedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns command-line inputs into job inputs: text with {@code ://} is a URL and passes through
 * (any scheme on the class path); anything else is a local path, made an absolute
 * {@code file://} URL — a relative one would be resolved against the worker's job home.
 */
public final class Inputs {
    /**
     * The most bytes of a local file one map task reads when the job's lines may be cut
     * ({@link #lineParts}): a worker that fails redoes at most this much.
     */
    public static final long MAX_PART_BYTES = 1L << 30;

    /**
     * The smallest part {@link #lineParts} makes of a file of the last round: when the inputs
     * outnumber the slots but are not a multiple of them, the files left for the last round would
     * run on fewer cores than there are, the others idle (3 files of 64 MiB on 2 cores: the
     * second round is one file on one core); each of those files is cut into a part per slot, or
     * fewer of at least this size.
     */
    public static final long TAIL_PART_BYTES = 16L << 20;

    private Inputs() {
    }

    /**
     * The smallest local file {@link #lineParts} cuts for worker processes: a second map task over
     * a smaller file did not pay for itself (two worker JVMs compile the same code at once), where
     * a big file counts much faster in a task per core than in one (the figures: bench/README.md,
     * "Line parts").
     */
    public static final long CUT_BYTES = 128L << 20;

    /**
     * The smallest local file {@link #lineParts} cuts for workers on threads, where a map task costs
     * no JVM: cut into a part per slot, so that one file keeps every core busy (the 100 MB sort on
     * threads ran faster in two map tasks than in one: bench/README.md).
     */
    public static final long THREADS_CUT_BYTES = 32L << 20;

    /**
     * {@code urls} with each {@code file://} URL of a big local file replaced by the
     * {@code part://} URLs of its lines in nearly equal parts, in order; other URLs as they are.
     * One big file is otherwise one map task, on one core. A file bigger than {@link #CUT_BYTES}
     * (on {@code workers} of {@link WorkerMode#THREADS}: {@link #THREADS_CUT_BYTES}) is cut into a
     * part for each of the {@code slots} left to it when the inputs share them out, or a multiple
     * of that to keep parts within {@link #MAX_PART_BYTES}. As few parts as keep the slots busy,
     * because a map task's fixed costs grow with their number: a combiner's table built from empty,
     * a partition hash for each distinct key, an output every reduce reads back (a 1 GiB word count
     * on 2 cores: 16.9 s in 16 parts, 14.2 s in 2; bench/README.md). When there are more inputs
     * than slots, the files of the last round, those left when the others fill whole rounds, are
     * cut for the slots ({@link #TAIL_PART_BYTES}; on processes, a slot a core: 3 files of 64 MiB
     * on 2 cores, 5.09 -> 4.67 s). A compressed file
     * ({@link CompressedText}) is never cut: its bytes have no line boundaries. Only for jobs whose
     * map reads lines and does not depend on which URL or line number a line comes from; only on
     * the embedded master, since Disco's own master would take the range for a host name.
     */
    public static List<String> lineParts(List<String> urls, WorkerMode workers, int slots) {
        Objects.requireNonNull(workers, "workers");
        long cut = workers == WorkerMode.THREADS ? THREADS_CUT_BYTES : CUT_BYTES;
        int slotsEach = Math.max(1, (slots + urls.size() - 1) / Math.max(1, urls.size()));
        int n = urls.size();
        // on threads a master has two slots a core: a short last round already shares the cores
        int lastRound = n > slots && workers != WorkerMode.THREADS ? n % slots : 0;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String url = urls.get(i);
            Path file = WorkerChoice.localFile(url);
            long size;
            try {
                size = file == null ? 0 : Files.size(file);
            } catch (IOException e) {
                size = 0; // unreadable now: the task names the URL when it cannot read it
            }
            int tailParts = i >= n - lastRound ? (int) Math.min(slots, size / TAIL_PART_BYTES) : 1;
            if (tailParts > 1 && size <= MAX_PART_BYTES && !CompressedText.isCompressed(file)) {
                out.addAll(PartUrl.split(file, size, tailParts));
            } else if (size <= cut || slotsEach == 1 && size <= MAX_PART_BYTES || CompressedText.isCompressed(file)) {
                out.add(url); // compressed: no byte ranges of lines
            } else {
                long rounds = (size + slotsEach * MAX_PART_BYTES - 1) / (slotsEach * MAX_PART_BYTES);
                out.addAll(PartUrl.split(file, size, (int) (rounds * slotsEach)));
            }
        }
        return out;
    }

    /**
     * The URLs of {@code args}.
     *
     * @throws UsageException when a local path is not a readable file
     */
    public static List<String> urls(List<String> args) {
        List<String> urls = new ArrayList<>(args.size());
        for (String a : args) {
            urls.add(url(a));
        }
        return urls;
    }

    /** The URL of one argument; see {@link #urls}. */
    public static String url(String arg) {
        if (arg.contains("://")) {
            return arg;
        }
        Path p = Path.of(arg).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UsageException("input '" + arg + "' is not a readable file (" + p + ")");
        }
        return "file://" + p;
    }
}
