package io.jdisco.worker.classic.internal.stage;

import io.jdisco.worker.classic.internal.input.DirIndex;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.spi.ResolvedInput;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shuffle stages {@code map_shuffle} and {@code reduce_shuffle} (SPEC §5.8): the outputs listed
 * by the task's inputs (index files, or plain data inputs with label 0), grouped by label, each
 * label's files concatenated byte for byte into one output {@code <stage>-<group>-<label>}; a label
 * of one file of this job's on this node gets that file, hard-linked ({@link ConcatWriter#link}).
 * As in Disco the first replica of each listed output is read, without fail-over. The labels'
 * outputs are filled on up to a thread per core.
 *
 * <p>A label of several files of this job's on this node, each of at least {@link #LINK_EACH_BYTES},
 * gets an output per file instead, each that file hard-linked (the first output as above, the
 * others {@linkplain TaskRuntime#anotherOutput further outputs} of the label): the reduce reads the
 * same bytes in the same order, and nothing is copied. Copying them was the shuffle of big
 * outputs: the word count of 1 GiB without combiner wrote 2.4 GB of map output, and copying it
 * again pushed the page cache past the kernel's dirty limit, so the copy ran at the disk's pace
 * (4 s). Disco's shuffle makes one file per label; a jdisco extension, within the protocol (a task
 * may announce several outputs of a label).
 */
public final class ShuffleTask {
    /** The size from which a label's files of this job are each linked rather than copied into one. */
    static final long LINK_EACH_BYTES = 16L << 20;

    private ShuffleTask() {
    }

    /** Runs the shuffle. */
    public static void run(TaskRuntime rt) throws IOException {
        ChainContext chain = rt.chain();
        int[] inputs = {0};
        Iterator<ResolvedInput> entries = rt.input(url -> {
            inputs[0]++;
            if (DirIndex.isIndex(url)) {
                return new ListRecords<>(DirIndex.entries(url, null, chain));
            }
            return new ListRecords<>(List.of(ResolvedInput.of(url)));
        });
        Map<Integer, List<String>> byLabel = new TreeMap<>();
        while (entries.hasNext()) {
            ResolvedInput e = entries.next();
            byLabel.computeIfAbsent(e.label(), l -> new ArrayList<>()).add(e.replicas().get(0));
        }
        Path jobDir = Path.of(rt.task().discoData()).resolve(rt.task().jobpath());
        // every output is made here, in label order; their files are filled on up to a thread per core
        List<LabelCopy> copies = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> label : byLabel.entrySet()) {
            List<String> urls = label.getValue();
            List<ConcatWriter> outs = new ArrayList<>();
            outs.add((ConcatWriter) rt.output(label.getKey()).writer());
            List<Path> files = filesToLinkEach(urls, chain, jobDir);
            if (files != null) {
                for (int i = 1; i < urls.size(); i++) {
                    outs.add((ConcatWriter) rt.anotherOutput(label.getKey()).writer());
                }
            }
            copies.add(new LabelCopy(outs, urls, files));
        }
        int threads = Math.min(copies.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (LabelCopy c : copies) {
                c.run(chain, jobDir);
            }
        } else {
            copyInParallel(copies, threads, chain, jobDir);
        }
        rt.status("Shuffled " + inputs[0] + " inputs into " + byLabel.size() + " label(s)");
    }

    /**
     * The files of one label, in their order: concatenated into its one output, or, when
     * {@code files} names them (the label's files of this job), each linked as an output of its
     * own (as many outputs as files; copied there if the file system cannot link it).
     */
    private record LabelCopy(List<ConcatWriter> outs, List<String> urls, List<Path> files) {
        void run(ChainContext chain, Path jobDir) throws IOException {
            for (int i = 0; i < urls.size(); i++) {
                if (files != null && outs.get(i).link(files.get(i))) {
                    continue;
                }
                ConcatWriter out = outs.get(files != null ? i : 0);
                InputLink link = chain.resolver().open(urls.get(i), chain);
                Path local = urls.size() == 1 ? jobFile(link.url(), jobDir) : null;
                if (local != null && out.link(local)) {
                    link.stream().close();
                } else {
                    out.append(link.stream());
                }
            }
        }
    }

    /**
     * The local files of {@code urls} when they are several files of this job, each of
     * {@link #LINK_EACH_BYTES} or more; else null.
     */
    private static List<Path> filesToLinkEach(List<String> urls, ChainContext chain, Path jobDir) throws IOException {
        if (urls.size() < 2) {
            return null;
        }
        List<Path> files = new ArrayList<>(urls.size());
        for (String url : urls) {
            InputLink link = chain.resolver().open(url, chain);
            link.stream().close();
            Path local = jobFile(link.url(), jobDir);
            if (local == null || Files.size(local) < LINK_EACH_BYTES) {
                return null;
            }
            files.add(local);
        }
        return files;
    }

    /**
     * Runs the copies on {@code threads} threads: a map_shuffle of 10,000 small map tasks copies
     * 20,000 files into two outputs, and one label's copy need not wait for the other's. The first
     * failure is thrown once every copy has stopped (the others are interrupted), so that no copy
     * still writes while the task's outputs are being discarded.
     */
    private static void copyInParallel(List<LabelCopy> copies, int threads, ChainContext chain, Path jobDir)
            throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jdisco-shuffle-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (LabelCopy c : copies) {
                running.add(pool.submit(() -> {
                    c.run(chain, jobDir);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException("shuffle copy failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("shuffle interrupted");
        } finally {
            pool.shutdownNow();
            try {
                // bounded: a copy blocked in a read the interrupt cannot end is left to its daemon thread
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The file of a {@code file:///path} link URL (as local opens name them) when it is in the
     * job's directory ({@code DISCO_DATA/<jobpath>}), so written once by a task of this job, else
     * {@code null}: a user's input file is copied, never linked, since it may change after the
     * shuffle.
     */
    static Path jobFile(String url, Path jobDir) throws IOException {
        String prefix = "file://";
        if (!url.startsWith(prefix + "/")) {
            return null;
        }
        Path p = Path.of(url.substring(prefix.length()));
        if (!Files.isRegularFile(p)) {
            return null;
        }
        return Files.isDirectory(jobDir) && p.toRealPath().startsWith(jobDir.toRealPath()) ? p : null;
    }

    /** A reader over records already in memory. */
    private static final class ListRecords<R> implements RecordReader<R> {
        private final Iterator<R> it;
        private R current;
        private boolean has;

        ListRecords(List<R> records) {
            this.it = records.iterator();
        }

        @Override
        public boolean advance() {
            has = it.hasNext();
            current = has ? it.next() : null;
            return has;
        }

        @Override
        public R current() {
            if (!has) {
                throw new NoSuchElementException("no current record");
            }
            return current;
        }

        @Override
        public void close() {
        }
    }
}
