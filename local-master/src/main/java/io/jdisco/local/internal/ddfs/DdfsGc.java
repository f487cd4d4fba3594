package io.jdisco.local.internal.ddfs;

import io.jdisco.local.internal.node.NodeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DDFS garbage collector of a one-node DDFS: deletes the blob files under
 * {@code DDFS_DATA/vol0/blob} that no tag refers to and that are older than the orphan expiry
 * (Disco's {@code ORPHANED_BLOB_EXPIRES}, 5 days: a blob just pushed and not yet tagged stays).
 * Tags live in memory and every incarnation but the newest is gone already, so there are no tag
 * files to collect; they are counted as kept. One run at a time, on its own daemon thread.
 */
final class DdfsGc {
    /** How old an unreferenced blob must be to be deleted. */
    static final Duration ORPHANED_BLOB_EXPIRES = Duration.ofDays(5);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final Logger LOG = LoggerFactory.getLogger(DdfsGc.class);

    private final DdfsStore store;
    private final NodeLayout layout;
    private final Clock clock;
    private Thread running;
    private Map<String, Object> lastStats;

    DdfsGc(DdfsStore store, NodeLayout layout, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts a run unless one is running. */
    synchronized void start() {
        if (running != null && running.isAlive()) {
            return;
        }
        running = new Thread(this::runLogged, "ddfs-gc");
        running.setDaemon(true);
        running.start();
    }

    /** Whether a run is going on. */
    synchronized boolean isRunning() {
        return running != null && running.isAlive();
    }

    /** Waits at most {@code timeout} for the current run to end; true when none runs. */
    boolean await(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = running;
        }
        if (t != null) {
            t.join(Math.max(1, timeout.toMillis()));
        }
        return !isRunning();
    }

    /** The last run's {@code {"timestamp", "stats": {"Tags kept": [files, bytes], ...}}}, or null before the first. */
    synchronized Map<String, Object> lastStats() {
        return lastStats;
    }

    private void runLogged() {
        try {
            Map<String, Object> stats = collect();
            synchronized (this) {
                lastStats = stats;
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("DDFS garbage collection failed", e);
        }
    }

    /** One run: returns its statistics. */
    Map<String, Object> collect() throws IOException {
        Set<String> referenced = store.tags().referencedUrls();
        Instant expired = clock.instant().minus(ORPHANED_BLOB_EXPIRES);
        long[] kept = new long[2];
        long[] deleted = new long[2];
        Path blobs = layout.ddfsData().resolve("vol0").resolve("blob");
        if (Files.isDirectory(blobs)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(blobs, 2)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                String url = store.blobUrl(layout.ddfsData().relativize(f).toString().replace('\\', '/'));
                boolean orphan = !referenced.contains(url) && a.lastModifiedTime().toInstant().isBefore(expired);
                long[] into = orphan && Files.deleteIfExists(f) ? deleted : kept;
                into[0]++;
                into[1] += a.size();
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("Tags kept", List.of(store.list("").size(), 0));
        stats.put("Tags deleted", List.of(0, 0));
        stats.put("Blobs kept", List.of(kept[0], kept[1]));
        stats.put("Blobs deleted", List.of(deleted[0], deleted[1]));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault()).format(STAMP));
        out.put("stats", stats);
        return out;
    }
}
