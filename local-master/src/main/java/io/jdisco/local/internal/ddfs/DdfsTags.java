package io.jdisco.local.internal.ddfs;

import io.jdisco.worker.DiscoNames;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DDFS tags of a one-node DDFS (SPEC §11.4), with the semantics of Disco 0.5.4's
 * {@code ddfs_tag}: a tag holds replica-URL lists, user attributes and optional read/write tokens
 * ({@link TagAccess}); every change makes a new incarnation with a new id
 * {@code <name>$<timestamp>}, and a change that changes nothing (an empty or all-duplicate update)
 * keeps the old one. Operations answer what the master answers, the refusals as {@link Refusal}s
 * with Disco's statuses and texts. Tags live in memory. Thread-safe.
 */
public final class DdfsTags {
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final Pattern BLOB = Pattern.compile("/../(.*)[$]");

    private final String host;
    private final Supplier<String> stamps;
    private final Map<String, Tag> tags = new TreeMap<>();

    /** The tags of node {@code host}; {@code stamps} gives unique time stamps for incarnation ids. */
    DdfsTags(String host, Supplier<String> stamps) {
        this.host = host;
        this.stamps = stamps;
    }

    /** A tag's state. */
    private static final class Tag {
        final String name;
        String id;
        String modified;
        String readToken;
        String writeToken;
        final List<List<String>> urls = new ArrayList<>();
        final Map<String, Object> userData = new LinkedHashMap<>();

        Tag(String name) {
            this.name = name;
        }
    }

    /** A tag operation the master refuses: the HTTP status and text Disco's DDFS answers. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(int status, String text) {
            super(text);
            this.status = status;
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }
    }

    static final String TAG_NOT_FOUND = "Tag not found.";
    static final String ATTRIBUTE_NOT_FOUND = "Tag attribute not found.";
    static final String UNAUTHORIZED = "Incorrect or missing token.";
    /** The most user attributes of a tag (Disco's MAX_NUM_TAG_ATTRIBS). */
    static final int MAX_ATTRIBUTES = 1000;

    /** The tag document for the master itself (no token check), or empty. */
    public synchronized Optional<Map<String, Object>> tag(String name) {
        Tag t = tags.get(name);
        return t == null ? Optional.empty() : Optional.of(document(t));
    }

    /**
     * What {@code GET /ddfs/tag/<name>[/<attr>]} answers: the whole document
     * ({@code attr == null}: version, id, last-modified, urls, user-data, never the tokens),
     * {@code ddfs:urls}, {@code ddfs:read-token}, {@code ddfs:write-token} (writers only) or a
     * user attribute. {@code token} is the presented token, null for none.
     */
    public synchronized Object get(String name, String attr, Object token) throws Refusal {
        checkName(name);
        Tag t = tags.get(name);
        if (t == null) {
            throw new Refusal(404, TAG_NOT_FOUND);
        }
        TagAccess.Privilege p = TagAccess.read(token, t.readToken, t.writeToken);
        if (p == null) {
            throw new Refusal(401, UNAUTHORIZED);
        }
        if (attr == null) {
            return document(t);
        }
        switch (attr) {
            case "ddfs:urls":
                return copy(t.urls);
            case "ddfs:read-token":
                return t.readToken;
            case "ddfs:write-token":
                if (p != TagAccess.Privilege.WRITE) {
                    throw new Refusal(401, UNAUTHORIZED);
                }
                return t.writeToken;
            default:
                if (!t.userData.containsKey(attr)) {
                    throw new Refusal(404, ATTRIBUTE_NOT_FOUND);
                }
                return t.userData.get(attr);
        }
    }

    /**
     * {@code PUT /ddfs/tag/<name>[/<attr>]}: sets the URL lists ({@code ddfs:urls}), a token or a
     * user attribute (a string), creating the tag (a tag created with a token gets it as both its
     * tokens) under a new id. Returns the tag's location.
     */
    public synchronized List<String> put(String name, String attr, Object value, Object token) throws Refusal {
        checkName(name);
        if (!validValue(attr, value)) {
            throw new Refusal(403, attr.equals("ddfs:urls") ? "Invalid url object" : "Invalid attribute key or value");
        }
        Tag t = writable(name, token);
        if (!attr.startsWith("ddfs:") && !t.userData.containsKey(attr) && t.userData.size() >= MAX_ATTRIBUTES) {
            throw new Refusal(403, "Too many attributes");
        }
        t = created(name, t, token);
        switch (attr) {
            case "ddfs:urls":
                t.urls.clear();
                t.urls.addAll(urlLists(value));
                break;
            case "ddfs:read-token":
                t.readToken = (String) value;
                break;
            case "ddfs:write-token":
                t.writeToken = (String) value;
                break;
            default:
                t.userData.put(attr, value);
        }
        return changed(t);
    }

    /**
     * {@code POST /ddfs/tag/<name>}: adds URL lists in front of the tag's (creating it). With
     * {@code noDuplicates} ({@code ?update=1}) a list whose first URL names a blob already in the
     * tag, or earlier in the request, is dropped and the new ones go in reverse order, as Disco's
     * master does. Nothing to add leaves the tag (and its id) as it was. Returns the location.
     */
    public synchronized List<String> update(String name, Object urls, Object token, boolean noDuplicates)
            throws Refusal {
        checkName(name);
        if (!validValue("ddfs:urls", urls)) {
            throw new Refusal(403, "Invalid url object");
        }
        List<List<String>> adding = urlLists(urls);
        Tag old = writable(name, token);
        if (old != null && adding.isEmpty()) {
            return location(old);
        }
        List<List<String>> merged = new ArrayList<>();
        if (noDuplicates) {
            Set<String> seen = new HashSet<>();
            if (old != null) {
                old.urls.forEach(l -> seen.add(blobName(l.get(0))));
            }
            List<List<String>> unseen = new ArrayList<>();
            for (List<String> l : adding) {
                String blob = blobName(l.get(0));
                if (blob == null || seen.add(blob)) {
                    unseen.add(0, l);
                }
            }
            if (old != null && unseen.isEmpty()) {
                return location(old);
            }
            merged.addAll(unseen);
        } else {
            merged.addAll(adding);
        }
        Tag t = created(name, old, token);
        merged.addAll(t.urls);
        t.urls.clear();
        t.urls.addAll(merged);
        return changed(t);
    }

    /** {@code DELETE /ddfs/tag/<name>}: deletes the tag; a missing tag is no error. */
    public synchronized void delete(String name, Object token) throws Refusal {
        checkName(name);
        if (writable(name, token) != null) {
            tags.remove(name);
        }
    }

    /** {@code DELETE /ddfs/tag/<name>/<attr>}: unsets a token, empties the URLs or removes a user attribute. */
    public synchronized void deleteAttribute(String name, String attr, Object token) throws Refusal {
        checkName(name);
        Tag t = writable(name, token);
        if (t == null) {
            throw new Refusal(404, ATTRIBUTE_NOT_FOUND);
        }
        switch (attr) {
            case "ddfs:urls" -> t.urls.clear();
            case "ddfs:read-token" -> t.readToken = null;
            case "ddfs:write-token" -> t.writeToken = null;
            default -> t.userData.remove(attr);
        }
        changed(t);
    }

    /** Replaces the tag's URL lists (creating the tag): the master's own {@code save_results}. */
    public synchronized void put(String name, List<List<String>> urls) {
        try {
            put(name, "ddfs:urls", copy(urls), TagAccess.INTERNAL);
        } catch (Refusal e) {
            throw new IllegalArgumentException("tag '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The tag names starting with {@code prefix}, sorted. */
    public synchronized List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (String name : tags.keySet()) {
            if (name.startsWith(prefix)) {
                out.add(name);
            }
        }
        return out;
    }


    /** Every URL the tags hold (what the garbage collector keeps). */
    public synchronized Set<String> referencedUrls() {
        Set<String> out = new HashSet<>();
        tags.values().forEach(t -> t.urls.forEach(out::addAll));
        return out;
    }

    /** The tag named {@code name} if {@code token} may write it, null if there is none. */
    private Tag writable(String name, Object token) throws Refusal {
        Tag t = tags.get(name);
        if (t != null && !TagAccess.write(token, t.writeToken)) {
            throw new Refusal(401, UNAUTHORIZED);
        }
        return t;
    }

    /** {@code t}, or a new tag whose tokens are the presented one. */
    private Tag created(String name, Tag t, Object token) {
        if (t != null) {
            return t;
        }
        Tag fresh = new Tag(name);
        fresh.readToken = token instanceof String s ? s : null;
        fresh.writeToken = fresh.readToken;
        tags.put(name, fresh);
        return fresh;
    }

    /** A new incarnation: new id and modification time; returns the location. */
    private List<String> changed(Tag t) {
        t.id = t.name + "$" + stamps.get();
        t.modified = LocalDateTime.now().format(MODIFIED);
        return location(t);
    }

    /** Where Disco keeps a tag incarnation: {@code disco://<host>/ddfs/vol0/tag/<hh>/<id>}. */
    private List<String> location(Tag t) {
        return List.of("disco://" + host + "/ddfs/vol0/tag/" + DiscoNames.hexhash(t.id) + "/" + t.id);
    }

    private static Map<String, Object> document(Tag t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("id", t.id);
        doc.put("last-modified", t.modified);
        doc.put("urls", copy(t.urls));
        doc.put("user-data", new LinkedHashMap<>(t.userData));
        return doc;
    }

    private static void checkName(String name) throws Refusal {
        if (!DdfsStore.validName(name)) {
            throw new Refusal(403, "Invalid tag");
        }
    }

    /** Disco's {@code validate_value}: URLs are lists of lists of strings, the rest strings. */
    private static boolean validValue(String attr, Object value) {
        if (!attr.equals("ddfs:urls")) {
            return value instanceof String;
        }
        if (!(value instanceof List<?> lists)) {
            return false;
        }
        for (Object l : lists) {
            if (!(l instanceof List<?> urls) || !urls.stream().allMatch(u -> u instanceof String)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> urlLists(Object valid) {
        List<List<String>> out = new ArrayList<>();
        for (Object l : (List<?>) valid) {
            out.add(List.copyOf((List<String>) l));
        }
        return out;
    }

    private static List<List<String>> copy(List<List<String>> lists) {
        List<List<String>> out = new ArrayList<>();
        lists.forEach(l -> out.add(List.copyOf(l)));
        return out;
    }

    /** Disco's {@code url_to_name}: the tag of {@code tag://name}, the blob {@code name$ts} of {@code .../hh/name$ts}, else null. */
    static String blobName(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("tag://")) {
            return url.substring("tag://".length());
        }
        Matcher m = BLOB.matcher(url);
        return m.find() ? m.group(1) : null;
    }
}
