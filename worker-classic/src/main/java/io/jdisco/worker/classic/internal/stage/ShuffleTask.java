package io.jdisco.worker.classic.internal.stage;

import io.jdisco.worker.classic.internal.input.DirIndex;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.spi.ResolvedInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The shuffle stages {@code map_shuffle} and {@code reduce_shuffle} (SPEC §5.8): the outputs listed
 * by the task's inputs (index files, or plain data inputs with label 0), grouped by label, each
 * label's files concatenated byte for byte into one output {@code <stage>-<group>-<label>}; a label
 * of one file of this job's on this node gets that file, hard-linked ({@link ConcatWriter#link}).
 * As in Disco the first replica of each listed output is read, without fail-over.
 */
public final class ShuffleTask {
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
        for (Map.Entry<Integer, List<String>> label : byLabel.entrySet()) {
            ConcatWriter out = (ConcatWriter) rt.output(label.getKey()).writer();
            for (String url : label.getValue()) {
                InputLink link = chain.resolver().open(url, chain);
                Path local = label.getValue().size() == 1 ? jobFile(link.url(), jobDir) : null;
                if (local != null && out.link(local)) {
                    link.stream().close();
                } else {
                    out.append(link.stream());
                }
            }
        }
        rt.status("Shuffled " + inputs[0] + " inputs into " + byLabel.size() + " label(s)");
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
