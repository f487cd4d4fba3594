package io.jdisco.local.internal.node;

import io.jdisco.worker.DiscoNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a node keeps things (SPEC §1.4) and the URLs that name them (SPEC §1.5).
 *
 * <pre>
 *   &lt;root&gt;/data                      DISCO_DATA
 *   &lt;root&gt;/data/&lt;host&gt;/&lt;hh&gt;/&lt;job&gt;    job home (hh = hexhash(job))
 *   &lt;root&gt;/data/_master/&lt;hh&gt;/&lt;job&gt;  DISCO_MASTER_ROOT: jobfile, events, job.json
 *   &lt;root&gt;/ddfs                      DDFS_DATA
 *   disco://&lt;host&gt;/disco/&lt;rest&gt;  = DISCO_DATA/&lt;rest&gt;,  disco://&lt;host&gt;/ddfs/&lt;rest&gt; = DDFS_DATA/&lt;rest&gt;
 * </pre>
 */
public final class NodeLayout {
    private final Path root;
    private final Path discoData;
    private final Path ddfsData;
    private final Path masterRoot;
    private final String host;

    /** The layout under {@code root} for node {@code host}. */
    public NodeLayout(Path root, String host) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
        this.host = Objects.requireNonNull(host, "host");
        this.discoData = this.root.resolve("data");
        this.ddfsData = this.root.resolve("ddfs");
        this.masterRoot = discoData.resolve("_master");
    }

    /** The data root. */
    public Path root() {
        return root;
    }

    /** {@code DISCO_DATA}. */
    public Path discoData() {
        return discoData;
    }

    /** {@code DDFS_DATA}. */
    public Path ddfsData() {
        return ddfsData;
    }

    /** The node's host name. */
    public String host() {
        return host;
    }

    /** {@code <host>/<hh>/<job>}: the job home relative to {@code DISCO_DATA}. */
    public String jobPath(String job) {
        return host + "/" + DiscoNames.hexhash(job) + "/" + job;
    }

    /** The job home. */
    public Path jobHome(String job) {
        return discoData.resolve(jobPath(job));
    }

    /** {@code DISCO_MASTER_ROOT}: the master's job directories, {@code <hh>/<job>}. */
    public Path masterRoot() {
        return masterRoot;
    }

    /** The master's directory of a job: the submitted jobfile, the event log and the job record. */
    public Path masterJobDir(String job) {
        return masterRoot.resolve(DiscoNames.hexhash(job)).resolve(job);
    }

    /** {@code disco://<host>/disco/<host>/<hh>/<job>/<relative>}: a file of the job home. */
    public String discoUrl(String job, String relative) {
        return "disco://" + host + "/disco/" + jobPath(job) + "/" + relative;
    }

    /** {@code dir://<host>/disco/<host>/<hh>/<job>/<relative>}: an index file of the job home. */
    public String dirUrl(String job, String relative) {
        return "dir://" + host + "/disco/" + jobPath(job) + "/" + relative;
    }

    /**
     * The local file of a {@code disco://}, {@code dir://} or {@code http://} URL of this node's
     * data ({@code /disco/...} or {@code /ddfs/...}), or empty when the URL is not ours or leaves
     * the data directories.
     */
    public Optional<Path> localFile(String url) {
        int sep = url.indexOf("://");
        if (sep < 0) {
            return Optional.empty();
        }
        String rest = url.substring(sep + 3);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String authority = rest.substring(0, slash);
        String urlHost = authority.contains(":") ? authority.substring(0, authority.indexOf(':')) : authority;
        if (!urlHost.equals(host)) {
            return Optional.empty();
        }
        return servedFile(rest.substring(slash));
    }

    /**
     * The file behind a served path {@code /disco/<rest>} or {@code /ddfs/<rest>}, or empty when
     * the path is neither or would leave its data directory.
     */
    public Optional<Path> servedFile(String path) {
        Path base;
        String rest;
        if (path.startsWith("/disco/")) {
            base = discoData;
            rest = path.substring("/disco/".length());
        } else if (path.startsWith("/ddfs/")) {
            base = ddfsData;
            rest = path.substring("/ddfs/".length());
        } else {
            return Optional.empty();
        }
        for (String segment : rest.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.indexOf('\0') >= 0 || segment.contains("\\")) {
                return Optional.empty();
            }
        }
        Path file = base.resolve(rest).normalize();
        return file.startsWith(base) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The real path of the file behind a served path ({@link #servedFile}) when it is a regular
     * file whose real path, symbolic links resolved, lies inside the real path of its data
     * directory; else empty. What the data server sends: a symbolic link placed in the data (by a
     * job, or by anyone who can write there) must not serve a file from elsewhere.
     */
    public Optional<Path> servedRegularFile(String path) {
        Optional<Path> file = servedFile(path);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return inside(file.get(), path.startsWith("/ddfs/") ? ddfsData : discoData);
    }

    /**
     * The real path of {@code file} when it is a regular file inside the real path of
     * {@code DISCO_DATA} or {@code DDFS_DATA}; else empty (see {@link #servedRegularFile}).
     */
    public Optional<Path> regularFile(Path file) {
        Optional<Path> inDisco = inside(file, discoData);
        return inDisco.isPresent() ? inDisco : inside(file, ddfsData);
    }

    private static Optional<Path> inside(Path file, Path base) {
        try {
            Path real = file.toRealPath();
            return real.startsWith(base.toRealPath()) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            // Missing, unreadable, or a dangling link: nothing to serve.
            return Optional.empty();
        }
    }
}
