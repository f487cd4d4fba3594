package io.jdisco.schemes.tag;

import io.jdisco.worker.DataException;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tag://name}: a DDFS tag, resolved through the master's tag API (SPEC §9.4, §11.4). An
 * indirect scheme: {@link #expand} lists every blob of the tag and of the tags it links to,
 * each blob as one input (label 0, size unknown) whose replicas are its URLs; {@link #open}
 * yields the tag's JSON document.
 *
 * <p>The tag is fetched with {@code GET <master>/ddfs/tag/<name>} through the registry's
 * {@code http} scheme, with {@code Authorization: Basic base64("token:<token>")} when a token is
 * in the URL ({@code tag://user:<token>@/name}) or in the {@code DDFS_READ_TOKEN} setting. Linked
 * tags ({@code tag://} URLs inside a tag) are followed breadth-first, as Disco's
 * {@code findtags}; a tag reached by two paths is read once, and a tag that links back to one of
 * its ancestors is a loop: a {@link DataException} naming the cycle (Disco's {@code findtags} stops
 * there silently; a loop in a job's input is a mistake worth hearing about). A tag that cannot
 * be read, a missing one included, is a {@link DataException} naming it (Disco skips missing
 * linked tags; silently losing their data is not worth the likeness).
 */
public final class TagSchemeProvider implements SchemeProvider {
    /** Longest tag document read, in bytes. */
    static final int MAX_TAG_BYTES = 64 * 1024 * 1024;

    /** For {@link java.util.ServiceLoader}. */
    public TagSchemeProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("tag");
    }

    @Override
    public boolean isIndirect() {
        return true;
    }

    /**
     * The tag's JSON document.
     *
     * @throws DataException naming the tag when it cannot be read
     * @throws IllegalArgumentException when the URL is malformed
     */
    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        TagUrl tag = TagUrl.parse(url);
        byte[] json = fetch(tag, url, context);
        return new InputLink(new java.io.ByteArrayInputStream(json), json.length, url);
    }

    /**
     * Every blob's replica list, tag by tag breadth-first, in each tag's order.
     *
     * @throws DataException naming the tag when one cannot be read or is malformed
     */
    @Override
    public List<ResolvedInput> expand(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        TagUrl root = TagUrl.parse(url);
        List<ResolvedInput> blobs = new ArrayList<>();
        Map<String, String> parentOf = new HashMap<>();
        Deque<TagUrl> queue = new ArrayDeque<>();
        parentOf.put(root.key(), null);
        queue.add(root);
        while (!queue.isEmpty()) {
            TagUrl tag = queue.poll();
            String shown = tag == root ? url : tag.toString();
            for (List<String> replicas : urls(tag, shown, context)) {
                String first = replicas.get(0);
                if (first.startsWith("tag://")) {
                    TagUrl child;
                    try {
                        child = tag.child(TagUrl.parse(first));
                    } catch (IllegalArgumentException e) {
                        throw new DataException("tag links to a malformed tag URL: " + e.getMessage(), shown, e);
                    }
                    if (!parentOf.containsKey(child.key())) {
                        parentOf.put(child.key(), tag.key());
                        queue.add(child);
                    } else {
                        List<String> cycle = pathBack(parentOf, tag.key(), child.key());
                        if (cycle != null) {
                            throw new DataException("tags link in a loop: " + String.join(" -> ", cycle), url);
                        }
                        // reached again by another path (a diamond): its blobs are listed once
                    }
                } else {
                    blobs.add(new ResolvedInput(0, -1, replicas));
                }
            }
        }
        return blobs;
    }

    /**
     * The links from {@code ancestor} down to {@code from} and back to {@code ancestor}, if
     * {@code ancestor} is on {@code from}'s path from the root (a loop); else {@code null}.
     */
    private static List<String> pathBack(Map<String, String> parentOf, String from, String ancestor) {
        List<String> path = new ArrayList<>();
        for (String k = from; k != null; k = parentOf.get(k)) {
            path.add(0, k);
            if (k.equals(ancestor)) {
                path.add(ancestor);
                return path;
            }
        }
        return null;
    }

    // A tag document (SPEC §11.4):
    //   {"id": ..., "version": ..., "last-modified": ..., "urls": [["disco://n1/ddfs/...", ...], ["tag://other"]], "user-data": {...}}
    private static List<List<String>> urls(TagUrl tag, String shown, SchemeContext context) throws IOException {
        byte[] json = fetch(tag, shown, context);
        Object doc;
        try {
            doc = context.parseJson(json, shown);
        } catch (DataException e) {
            throw new DataException("tag document is " + e.detail(), shown, e);
        }
        if (!(doc instanceof Map) || !(((Map<?, ?>) doc).get("urls") instanceof List)) {
            throw new DataException("tag document has no \"urls\" list", shown);
        }
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        for (Object entry : (List<?>) ((Map<?, ?>) doc).get("urls")) {
            if (!(entry instanceof List) || ((List<?>) entry).isEmpty()) {
                throw new DataException("tag \"urls\" entry " + i + " is not a non-empty list of URLs", shown);
            }
            List<String> replicas = new ArrayList<>();
            for (Object u : (List<?>) entry) {
                if (!(u instanceof String) || ((String) u).isEmpty()) {
                    throw new DataException("tag \"urls\" entry " + i + " holds a non-URL: " + u, shown);
                }
                replicas.add((String) u);
            }
            out.add(replicas);
            i++;
        }
        return out;
    }

    private static byte[] fetch(TagUrl tag, String shown, SchemeContext context) throws IOException {
        String target = tag.fetchUrl(context, discoPort(context));
        Optional<String> token = tag.token().or(() -> context.setting("DDFS_READ_TOKEN").filter(t -> !t.isEmpty()));
        String withToken = target;
        if (token.isPresent()) {
            int i = target.indexOf("://");
            if (i < 0) {
                throw new IllegalArgumentException("master URL has no scheme: " + target);
            }
            withToken = target.substring(0, i + 3) + "token:" + token.get() + "@" + target.substring(i + 3);
        }
        try (InputStream in = context.resolver().open(withToken, context).stream()) {
            byte[] b = in.readNBytes(MAX_TAG_BYTES + 1);
            if (b.length > MAX_TAG_BYTES) {
                throw new DataException("tag document is larger than " + MAX_TAG_BYTES + " bytes", shown);
            }
            return b;
        } catch (DataException e) {
            if (e.url() != null && e.url().equals(shown)) {
                throw e;
            }
            throw new DataException("cannot read tag '" + tag.name() + "' from " + target + ": " + e.detail(), shown, e);
        }
    }

    private static int discoPort(SchemeContext context) {
        if (context.task().isPresent()) {
            return context.task().get().discoPort();
        }
        String s = context.setting("DISCO_PORT").map(String::trim).orElse("");
        if (s.isEmpty()) {
            return 8989;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DISCO_PORT must be a port number, got \"" + s + "\"", e);
        }
    }

    @Override
    public String toString() {
        return "TagSchemeProvider[tag]";
    }
}
