package io.jdisco.local.internal.ddfs;

import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.worker.DiscoNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-node DDFS (SPEC §11.4): the tags ({@link DdfsTags}: replica-URL lists, user attributes,
 * tokens) and the blobs, files {@code <DDFS_DATA>/vol0/blob/<hh>/<name>$<ts>}, named by
 * {@code disco://<host>/ddfs/vol0/blob/<hh>/<name>$<ts>} and served by the node's data server.
 * Tags live in memory (they go with the master); blobs stay on disk until {@link DdfsGc} finds
 * them orphaned. No replication. Thread-safe.
 */
public final class DdfsStore {
    private final NodeLayout layout;
    private final DdfsTags tags;
    private final AtomicLong lastStamp = new AtomicLong();

    /** A store in {@code layout}'s DDFS_DATA. */
    public DdfsStore(NodeLayout layout) {
        this.layout = layout;
        this.tags = new DdfsTags(layout.host(), this::stamp);
    }

    /** The tags. */
    public DdfsTags tags() {
        return tags;
    }

    /** True for a valid tag or blob name: {@code [A-Za-z0-9_\-@:]+}. */
    public static boolean validName(String name) {
        return DiscoNames.isSafe(name);
    }

    /** The tag document for the master itself (no token check), or empty. */
    public Optional<Map<String, Object>> tag(String name) {
        return tags.tag(name);
    }

    /** Replaces the tag's URL lists (creating the tag): the master's own {@code save_results}. */
    public void put(String name, List<List<String>> urls) {
        tags.put(name, urls);
    }

    /** The tag names starting with {@code prefix}, sorted. */
    public List<String> list(String prefix) {
        return tags.list(prefix);
    }


    /** {@code vol0/blob/<hh>/<name>$<ts>}: where a new blob called {@code name} goes, relative to DDFS_DATA. */
    public String newBlobPath(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("invalid blob name '" + name + "': use [A-Za-z0-9_-@:] only");
        }
        return "vol0/blob/" + DiscoNames.hexhash(name) + "/" + name + "$" + stamp();
    }

    /** The {@code disco://} URL of a blob at {@code relative} (to DDFS_DATA). */
    public String blobUrl(String relative) {
        return "disco://" + layout.host() + "/ddfs/" + relative;
    }

    /** A blob body longer than the limit it was stored with. */
    public static final class BlobTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BlobTooLarge(String message) {
            super(message);
        }
    }

    /**
     * Stores a blob at {@code relative} from {@code body} (atomically) and returns its URL.
     *
     * @throws BlobTooLarge when {@code body} has more than {@code maxBytes} bytes; nothing is
     *     stored and what was read is deleted
     * @throws IOException when the blob's directory is not inside DDFS_DATA (a symbolic link)
     *     or the blob cannot be written
     */
    public String storeBlob(String relative, InputStream body, long maxBytes) throws IOException {
        Path file = layout.servedFile("/ddfs/" + relative)
                .orElseThrow(() -> new IllegalArgumentException("blob path '" + relative + "' leaves DDFS_DATA"));
        Path existing = file.getParent();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        insideDdfs(existing, relative);
        Files.createDirectories(file.getParent());
        insideDdfs(file.getParent(), relative);
        Path partial = file.resolveSibling(file.getFileName() + ".partial-" + Thread.currentThread().getId());
        try (OutputStream out = Files.newOutputStream(partial)) {
            copy(body, out, maxBytes, relative);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return blobUrl(relative);
    }

    /** Checks that directory {@code dir} of blob {@code relative} really is in DDFS_DATA, not behind a link. */
    private void insideDdfs(Path dir, String relative) throws IOException {
        if (!dir.toRealPath().startsWith(layout.ddfsData().toRealPath())) {
            throw new IOException("the directory of blob " + relative + " leads out of DDFS_DATA "
                    + layout.ddfsData() + " through a symbolic link");
        }
    }

    /** Copies {@code in} to {@code out}, failing as soon as more than {@code max} bytes came. */
    private static void copy(InputStream in, OutputStream out, long max, String relative) throws IOException {
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > max) {
                throw new BlobTooLarge("blob " + relative + " has more than " + max + " bytes");
            }
            out.write(buf, 0, n);
        }
    }

    /** Stores a local file as a new blob called {@code name} and returns its URL (no size limit: the master's own file). */
    public String storeFile(String name, Path source) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return storeBlob(newBlobPath(DiscoNames.safe(name)), in, Long.MAX_VALUE);
        }
    }

    /** A unique Erlang-style time stamp {@code <mega>-<secs>-<micro>} in lower-case hex. */
    private String stamp() {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        long unique = lastStamp.updateAndGet(prev -> Math.max(prev + 1, micros));
        long secs = unique / 1_000_000L;
        return Long.toHexString(secs / 1_000_000L) + "-" + Long.toHexString(secs % 1_000_000L) + "-"
                + Long.toHexString(unique % 1_000_000L);
    }
}
