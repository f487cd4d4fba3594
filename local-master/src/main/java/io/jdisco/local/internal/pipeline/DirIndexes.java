package io.jdisco.local.internal.pipeline;

import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.worker.DataException;
import io.jdisco.worker.index.IndexLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the index behind a {@code dir://} job input to learn its labels and their sizes, as the
 * master does before grouping (SPEC §3.3): this node's own index files from disk, another node's
 * over HTTP on the default Disco port 8989 ({@code dir://host/path} → {@code http://host:8989/path}).
 */
public final class DirIndexes {
    private static final int DEFAULT_DISCO_PORT = 8989;

    private final NodeLayout layout;

    /** Reads indexes for a node with {@code layout}. */
    public DirIndexes(NodeLayout layout) {
        this.layout = layout;
    }

    /** The dir output of {@code dirUrl}. */
    public StageOutput.Dir read(String dirUrl) throws IOException, InterruptedException {
        byte[] text = fetch(dirUrl);
        SortedMap<Integer, Long> labels = new TreeMap<>();
        for (IndexLine line : IndexLine.readAll(new ByteArrayInputStream(text), dirUrl)) {
            labels.merge(line.label(), line.size(), Long::sum);
        }
        String rest = dirUrl.substring("dir://".length());
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        return new StageOutput.Dir(host.contains(":") ? host.substring(0, host.indexOf(':')) : host, dirUrl, labels);
    }

    private byte[] fetch(String dirUrl) throws IOException, InterruptedException {
        Optional<Path> local = layout.localFile(dirUrl);
        if (local.isPresent()) {
            try {
                return Files.readAllBytes(local.get());
            } catch (IOException e) {
                throw new DataException("cannot read index file " + local.get() + ": " + e.getMessage(), dirUrl, e);
            }
        }
        String rest = dirUrl.substring(dirUrl.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new DataException("a dir:// URL needs a path", dirUrl);
        }
        String authority = rest.substring(0, slash);
        String http = "http://" + (authority.contains(":") ? authority : authority + ":" + DEFAULT_DISCO_PORT)
                + rest.substring(slash);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(http)).timeout(Duration.ofMinutes(2))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new DataException("GET " + http + " answered HTTP " + r.statusCode(), dirUrl);
        }
        return r.body();
    }
}
