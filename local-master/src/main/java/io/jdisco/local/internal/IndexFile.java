package io.jdisco.local.internal;

import io.jdisco.worker.DataException;
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
 * {@code OUTPUT}s: {@code <jobhome>/.disco/<stage>-<taskid>-<usec>.results}, one line per output,
 *
 * <pre>
 *   &lt;label&gt; SP disco://&lt;host&gt;/disco/&lt;host&gt;/&lt;hh&gt;/&lt;job&gt;/&lt;location&gt; SP &lt;size&gt; LF
 * </pre>
 *
 * and {@link #parse} reads such files back (the master's regex {@code (.*?) (.*?) (.*?)\n}).
 */
public final class IndexFile {
    /**
     * One index line.
     *
     * @param label the label
     * @param url the output's URL
     * @param size its size in bytes
     */
    public record Line(int label, String url, long size) {
        /** The line's text, with its LF. */
        public String text() {
            return label + " " + url + " " + size + "\n";
        }
    }

    /** The index files {@link #forceResults} forced in this JVM (tests count them). */
    private static final LongAdder FORCED = new LongAdder();

    private final Path file;
    private final String relative;
    private final OutputStream out;
    private final FileChannel channel;
    private final List<Line> lines = new ArrayList<>();

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

    /** The file. */
    public Path file() {
        return file;
    }

    /** Its path relative to the job home, {@code .disco/<name>.results}. */
    public String relative() {
        return relative;
    }

    /** The lines written so far. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Appends a line. */
    public void append(Line line) throws IOException {
        out.write(line.text().getBytes(StandardCharsets.UTF_8));
        lines.add(line);
    }

    /** The total size per label, sorted by label. */
    public SortedMap<Integer, Long> labelSizes() {
        SortedMap<Integer, Long> sizes = new TreeMap<>();
        for (Line l : lines) {
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

    /**
     * Parses index text; {@code source} names it in errors.
     *
     * @throws DataException for a line that is not {@code <int> <url> <int>}
     */
    public static List<Line> parse(byte[] text, String source) throws DataException {
        List<Line> out = new ArrayList<>();
        String s = new String(text, StandardCharsets.UTF_8);
        int lineNo = 0;
        for (String line : s.split("\n")) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            try {
                if (parts.length != 3) {
                    throw new NumberFormatException("expected 3 fields, got " + parts.length);
                }
                out.add(new Line(Integer.parseInt(parts[0]), parts[1], Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                throw new DataException("index line " + lineNo + " is not '<label> <url> <size>': " + line
                        + " (" + e.getMessage() + ")", source);
            }
        }
        return out;
    }
}
