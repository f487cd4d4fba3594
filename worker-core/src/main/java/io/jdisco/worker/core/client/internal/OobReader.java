package io.jdisco.worker.core.client.internal;

import io.jdisco.worker.CommException;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
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
        for (List<String> replicas : blobs(job)) {
            keys.add(blobName(replicas.get(0)));
        }
        return List.copyOf(keys);
    }

    /** The bytes of key {@code key}, from the first replica that answers. */
    public byte[] value(String job, String key) throws IOException, InterruptedException {
        for (List<String> replicas : blobs(job)) {
            if (!blobName(replicas.get(0)).equals(key)) {
                continue;
            }
            CommException last = null;
            for (String replica : replicas) {
                try {
                    return http.get(httpUrl(replica), Map.of(), Set.of()).body();
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
    private List<List<String>> blobs(String job) throws IOException, InterruptedException {
        MasterHttp.Reply reply = http.get("/ddfs/tag/disco:job:oob:" + job, Map.of(), Set.of(404));
        if (reply.status() == 404) {
            return List.of();
        }
        Object tag = http.parse(reply);
        Object urls = tag instanceof Map<?, ?> m ? m.get("urls") : null;
        if (!(urls instanceof List<?> entries)) {
            throw new DataException("DDFS tag reply has no 'urls' list",
                    reply.url());
        }
        List<List<String>> out = new ArrayList<>();
        for (Object replicas : entries) {
            if (!(replicas instanceof List<?> list) || list.isEmpty()
                    || !list.stream().allMatch(String.class::isInstance)) {
                throw new DataException("DDFS tag entry " + replicas
                        + " is not a list of blob URLs", reply.url());
            }
            List<String> urlsOfBlob = new ArrayList<>();
            list.forEach(u -> urlsOfBlob.add((String) u));
            out.add(List.copyOf(urlsOfBlob));
        }
        return out;
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
