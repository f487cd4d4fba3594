package io.jdisco.local.internal.ddfs;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.internal.http.Exchanges;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code /ddfs/tag/<tag>[/<attr>]} as Disco 0.5.4's {@code ddfs_web} answers it:
 *
 * <pre>
 *   GET    /ddfs/tag/&lt;tag&gt;            {"version":1, "id", "last-modified", "urls", "user-data"}
 *   GET    /ddfs/tag/&lt;tag&gt;/&lt;attr&gt;     the value: ddfs:urls, ddfs:read-token, ddfs:write-token or a user attribute
 *   PUT    /ddfs/tag/&lt;tag&gt;[/&lt;attr&gt;]   set (default ddfs:urls); answers the tag's location list
 *   POST   /ddfs/tag/&lt;tag&gt;[?update=1] add URL lists in front; answers the location list
 *   DELETE /ddfs/tag/&lt;tag&gt;[/&lt;attr&gt;]   "deleted"
 * </pre>
 *
 * A token comes as HTTP basic auth {@code token:<token>}. Refusals are plain text with Disco's
 * statuses: 401 token, 403 invalid name or body, 404 missing tag or attribute, unknown
 * {@code ddfs:} attribute.
 */
final class TagRoutes {
    /** The largest attribute name and user attribute value (Disco's MAX_TAG_ATTRIB_NAME_SIZE, _VALUE_SIZE). */
    static final int MAX_ATTRIBUTE_NAME = 1024;
    static final int MAX_ATTRIBUTE_VALUE = 4096;
    /** The largest request body taken (Disco takes 512 MiB; a one-node tag needs far less). */
    static final int MAX_BODY = 64 << 20;

    private final DdfsTags tags;

    TagRoutes(DdfsTags tags) {
        this.tags = tags;
    }

    void handle(HttpExchange ex, String method, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String attr = slash < 0 ? null : attribute(rest.substring(slash + 1));
        Object token = token(ex);
        try {
            switch (method) {
                case "GET", "HEAD" -> {
                    checkAttribute(attr);
                    Exchanges.json(ex, 200, tags.get(name, attr, token));
                }
                case "PUT" -> {
                    String field = attr == null ? "ddfs:urls" : attr;
                    checkAttribute(field);
                    byte[] body = body(ex);
                    if (!field.startsWith("ddfs:") && body.length > MAX_ATTRIBUTE_VALUE) {
                        throw new DdfsTags.Refusal(403, "Attribute value too big.");
                    }
                    Exchanges.json(ex, 200, tags.put(name, field, json(body), token));
                }
                case "POST" -> {
                    // the whole rest is the tag's name: a name with a slash is invalid
                    boolean update = Exchanges.query(ex).getOrDefault("update", "").length() > 0;
                    Exchanges.json(ex, 200, tags.update(rest, json(body(ex)), token, update));
                }
                case "DELETE" -> {
                    checkAttribute(attr);
                    if (attr == null) {
                        tags.delete(name, token);
                    } else {
                        tags.deleteAttribute(name, attr, token);
                    }
                    Exchanges.json(ex, 200, "deleted");
                }
                default -> throw new DdfsTags.Refusal(404, "Not found.");
            }
        } catch (DdfsTags.Refusal r) {
            Exchanges.bytes(ex, r.status(), "text/plain", r.getMessage().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code ""} is the whole tag (null); other names as given. */
    private static String attribute(String attr) {
        return attr.isEmpty() ? null : attr;
    }

    private static void checkAttribute(String attr) throws DdfsTags.Refusal {
        if (attr == null) {
            return;
        }
        if (attr.startsWith("ddfs:") && !attr.equals("ddfs:urls") && !attr.equals("ddfs:read-token")
                && !attr.equals("ddfs:write-token")) {
            throw new DdfsTags.Refusal(404, DdfsTags.ATTRIBUTE_NOT_FOUND);
        }
        if (attr.getBytes(StandardCharsets.UTF_8).length > MAX_ATTRIBUTE_NAME) {
            throw new DdfsTags.Refusal(403, "Attribute name too big.");
        }
    }

    /** The token of {@code Authorization: Basic base64("token:<token>")}; null without one. */
    static String token(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Basic ")) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(auth.substring("Basic ".length()).strip()),
                    StandardCharsets.UTF_8);
            return decoded.startsWith("token:") ? decoded.substring("token:".length()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] body(HttpExchange ex) throws IOException, DdfsTags.Refusal {
        byte[] body = Exchanges.body(ex, MAX_BODY);
        if (body == null) {
            throw new DdfsTags.Refusal(403, "Invalid request.");
        }
        return body;
    }

    private static Object json(byte[] body) throws DdfsTags.Refusal {
        try {
            return PythonJson.parse(body);
        } catch (IOException e) {
            throw new DdfsTags.Refusal(403, "Invalid request body.");
        }
    }
}
