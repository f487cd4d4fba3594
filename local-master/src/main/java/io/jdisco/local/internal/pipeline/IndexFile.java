package io.jdisco.local.internal.pipeline;

import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.worker.index.IndexLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A task's index ("dir") file (SPEC §8.6), written by the master from the task's local
 * {@code OUTPUT}s: {@code <jobhome>/.disco/<stage>-<taskid>-<usec>.results}, one
 * {@link IndexLine} per output ({@code <label> disco://<host>/disco/<host>/<hh>/<job>/<location>
 * <size>}). The line format, and reading it back, is worker-api's {@link IndexLine}, which the
 * {@code dir} scheme reads too.
 */
public final class IndexFile {
    /** The index files {@link #forceResults} forced in this JVM (tests count them). */
    private static final LongAdder FORCED = new LongAdder();

    private final Path file;
    private final String relative;
    private final OutputStream out;
    private final FileChannel channel;
    private final List<IndexLine> lines = new ArrayList<>();

    private IndexFile(Path file, String relative, FileChannel channel) {
        this.file = file;
        this.relative = relative;
        this.channel = channel;
        this.out = java.nio.channels.Channels.newOutputStream(channel);
    }

    /** Creates a new, empty index file for a task under {@code jobHome/.disco}. */
    public static IndexFile create(Path jobHome, String stage, int taskid) throws IOException {
        Path dir = jobHome.resolve(".disco");
        Instant now = Instant.now();
        long usec = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        while (true) {
            String name = stage + "-" + taskid + "-" + usec + ".results";
            try {
                FileChannel ch = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new IndexFile(dir.resolve(name), ".disco/" + name, ch);
            } catch (FileAlreadyExistsException e) {
                usec++;
            } catch (NoSuchFileException e) {
                Files.createDirectories(dir); // the job's first index: made once, not checked per task
            }
        }
    }

    /** Its path relative to the job home, {@code .disco/<name>.results}. */
    public String relative() {
        return relative;
    }

    /** The lines written so far. */
    public List<IndexLine> lines() {
        return List.copyOf(lines);
    }

    /** Appends a line. */
    public void append(IndexLine line) throws IOException {
        out.write(line.text().getBytes(StandardCharsets.UTF_8));
        lines.add(line);
    }

    /** The total size per label, sorted by label. */
    public SortedMap<Integer, Long> labelSizes() {
        SortedMap<Integer, Long> sizes = new TreeMap<>();
        for (IndexLine l : lines) {
            sizes.merge(l.label(), l.size(), Long::sum);
        }
        return sizes;
    }

    /**
     * Closes the file, not forced to the disk: a task's index needs to outlive a crash of the
     * machine only if its job's results name it, and a job that was running at a crash is dead
     * after the restart anyway; {@link #forceResults} forces the last stage's indexes when the job
     * ends (an fsync per task cost 1-6 ms, more than a small task's work).
     */
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Forces the index files among a finished job's {@code results} (its last stage's outputs) and
     * their directories to the disk, before the job is recorded ready: the results a durable
     * master answers after a crash of the machine name only files that are on the disk. Outputs
     * that are not index files of this node are left alone.
     *
     * @return the number of index files forced
     */
    public static int forceResults(NodeLayout layout, List<StageOutput> results) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        int forced = 0;
        for (StageOutput o : results) {
            if (o instanceof StageOutput.Dir dir) {
                Optional<Path> file = layout.localFile(dir.url());
                if (file.isPresent() && Files.isRegularFile(file.get())) {
                    force(file.get());
                    dirs.add(file.get().getParent());
                    forced++;
                }
            }
        }
        for (Path d : dirs) {
            try {
                force(d);
            } catch (IOException e) {
                // not every platform opens a directory; the files themselves are forced
            }
        }
        FORCED.add(forced);
        return forced;
    }

    /** Tests only: the index files {@link #forceResults} has forced in this JVM. */
    static long forcedCount() {
        return FORCED.sum();
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Closes and deletes the file (a failed attempt leaves no index behind). */
    public void discard() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stray index of a failed attempt is referenced by nothing.
        }
    }
}
