package io.jdisco.local.internal.pipeline;

import io.jdisco.worker.index.IndexLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A task's index ("dir") file (SPEC §8.6), written by the master from the task's local
 * {@code OUTPUT}s: {@code <jobhome>/.disco/<stage>-<taskid>-<usec>.results}, one
 * {@link IndexLine} per output ({@code <label> disco://<host>/disco/<host>/<hh>/<job>/<location>
 * <size>}). The line format, and reading it back, is worker-api's {@link IndexLine}, which the
 * {@code dir} scheme reads too.
 */
public final class IndexFile {
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
        Files.createDirectories(dir);
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

    /** Syncs and closes the file (the master fsyncs on {@code DONE}). */
    public void close() throws IOException {
        try {
            channel.force(true);
        } finally {
            channel.close();
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
