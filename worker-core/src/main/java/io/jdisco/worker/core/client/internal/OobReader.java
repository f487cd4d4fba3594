package io.jdisco.worker.core.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdisco.worker.CommException;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a job's out-of-band results (SPEC §4.3, §11.4): DDFS tag
 * {@code disco:job:oob:<job>} lists one blob per key, named {@code <key>$<timestamp>}; a blob's
 * {@code disco://node/ddfs/...} replica is fetched over HTTP from the node's web server, which
 * listens on the master's port ({@code DISCO_PORT}).
 */
public final class OobReader {
    private static final int DEFAULT_DISCO_PORT = 8989;

    private final MasterHttp http;

    /** A reader through {@code http}. */
    public OobReader(MasterHttp http) {
        this.http = http;
    }

    /** The keys, sorted; empty when the job has no OOB tag (404). */
    public List<String> keys(String job) throws IOException, InterruptedException {
        TreeSet<String> keys = new TreeSet<>();
        for (JsonNode replicas : blobs(job)) {
            keys.add(blobName(replicas.get(0).textValue()));
        }
        return List.copyOf(keys);
    }

    /** The bytes of key {@code key}, from the first replica that answers. */
    public byte[] value(String job, String key) throws IOException, InterruptedException {
        for (JsonNode replicas : blobs(job)) {
            if (!blobName(replicas.get(0).textValue()).equals(key)) {
                continue;
            }
            CommException last = null;
            for (JsonNode replica : replicas) {
                try {
                    return http.get(httpUrl(replica.textValue()), Map.of(), Set.of()).body();
                } catch (CommException e) {
                    last = e;
                }
            }
            throw last;
        }
        throw new DiscoException("Unknown key or jobname: no OOB result '" + key + "' for job '"
                + job + "'");
    }

    /** The tag's replica lists ({@code {"urls": [[url, ...], ...]}}), or none on a 404. */
    private JsonNode blobs(String job) throws IOException, InterruptedException {
        MasterHttp.Reply reply = http.get("/ddfs/tag/disco:job:oob:" + job, Map.of(), Set.of(404));
        if (reply.status() == 404) {
            return http.parse(new MasterHttp.Reply(200, "[]".getBytes(StandardCharsets.US_ASCII), reply.url()));
        }
        JsonNode urls = http.parse(reply).get("urls");
        if (urls == null || !urls.isArray()) {
            throw new DataException("DDFS tag reply has no 'urls' list",
                    reply.url());
        }
        for (JsonNode replicas : urls) {
            if (!replicas.isArray() || replicas.size() == 0 || !replicas.get(0).isTextual()) {
                throw new DataException("DDFS tag entry " + replicas
                        + " is not a list of blob URLs", reply.url());
            }
        }
        return urls;
    }

    /** {@code disco://node/ddfs/vol0/blob/hh/key$5a2-1b3c4-9d2e1} → {@code key}. */
    static String blobName(String url) {
        String base = url.substring(url.lastIndexOf('/') + 1);
        int dollar = base.indexOf('$');
        return dollar < 0 ? base : base.substring(0, dollar);
    }

    private String httpUrl(String url) {
        if (!url.startsWith("disco://")) {
            return url;
        }
        URI master = http.base();
        OptionalInt port = master.getPort() < 0 ? OptionalInt.empty()
                : OptionalInt.of(master.getPort());
        String rest = url.substring("disco://".length());
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        return "http://" + host + ":" + port.orElse(DEFAULT_DISCO_PORT) + path;
    }
}
