package io.jdisco.local.internal;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DDFS over HTTP (SPEC §11.4), on the master's port:
 *
 * <pre>
 *   GET    /ddfs/new_blob/&lt;name&gt;        ["http://127.0.0.1:&lt;port&gt;/ddfs/vol0/blob/&lt;hh&gt;/&lt;name&gt;$&lt;ts&gt;"]
 *   PUT    /ddfs/vol0/blob/&lt;hh&gt;/&lt;file&gt;  (body = blob, at most maxBlobBytes, else 413)  "disco://&lt;host&gt;/ddfs/vol0/blob/&lt;hh&gt;/&lt;file&gt;"
 *   GET    /ddfs/tag/&lt;tag&gt;               {"id", "version", "last-modified", "urls", "user-data"}; 404 if missing
 *   PUT    /ddfs/tag/&lt;tag&gt;               replace the URL lists (body [[url...]...])
 *   POST   /ddfs/tag/&lt;tag&gt;[?update=1]    append URL lists
 *   DELETE /ddfs/tag/&lt;tag&gt;               delete
 *   GET|PUT|DELETE /ddfs/tag/&lt;tag&gt;/&lt;attr&gt;  user attributes (ddfs:* names are refused with 404)
 *   GET    /ddfs/tags[/prefix]              tag names (prefix a/b means a:b)
 *   GET|HEAD /ddfs/&lt;path&gt;                 a blob file, Range supported
 * </pre>
 */
final class DdfsRoutes {

    private final DdfsStore store;
    private final NodeContext node;

    DdfsRoutes(DdfsStore store, NodeContext node) {
        this.store = store;
        this.node = node;
    }

    void handle(HttpExchange ex, String method, String rawPath) throws IOException, MasterRoutes.BadRequest {
        String path = MasterRoutes.decode(rawPath);
        if (path.startsWith("/ddfs/new_blob/") && method.equals("GET")) {
            String name = path.substring("/ddfs/new_blob/".length());
            if (!DdfsStore.validName(name)) {
                throw new MasterRoutes.BadRequest("invalid blob name '" + name + "': use [A-Za-z0-9_-@:] only");
            }
            Exchanges.json(ex, 200, List.of(node.masterUrl() + "/ddfs/" + store.newBlobPath(name)));
        } else if (path.startsWith("/ddfs/tag/")) {
            tag(ex, method, path.substring("/ddfs/tag/".length()));
        } else if (path.equals("/ddfs/tags") || path.startsWith("/ddfs/tags/")) {
            String prefix = path.length() > "/ddfs/tags/".length() ? path.substring("/ddfs/tags/".length()) : "";
            Exchanges.json(ex, 200, store.list(prefix.replace('/', ':')));
        } else if (path.startsWith("/ddfs/vol") && method.equals("PUT")) {
            putBlob(ex, path.substring("/ddfs/".length()));
        } else if (method.equals("GET") || method.equals("HEAD")) {
            MasterRoutes.serve(ex, node.layout().servedRegularFile(path));
        } else {
            Exchanges.error(ex, 404, "no such DDFS resource: " + method + " " + path);
        }
    }

    private void putBlob(HttpExchange ex, String relative) throws IOException, MasterRoutes.BadRequest {
        String[] parts = relative.split("/");
        if (parts.length != 4 || !parts[1].equals("blob") || !node.layout().servedFile("/ddfs/" + relative).isPresent()
                || !DdfsStore.validName(parts[3].replace('$', '_'))) {
            throw new MasterRoutes.BadRequest("not a blob location: /ddfs/" + relative);
        }
        long max = node.config().maxBlobBytes();
        if (Exchanges.declaredLength(ex) > max) {
            Exchanges.error(ex, 413, tooLarge(relative, max));
            return;
        }
        String url;
        try (InputStream in = ex.getRequestBody()) {
            url = store.storeBlob(relative, in, max);
        } catch (DdfsStore.BlobTooLarge e) {
            Exchanges.error(ex, 413, tooLarge(relative, max));
            return;
        }
        Exchanges.json(ex, 201, url);
    }

    private static String tooLarge(String relative, long max) {
        return "blob /ddfs/" + relative + " is larger than " + max + " bytes, the master's limit (--max-blob);"
                + " split the data into several blobs";
    }

    private void tag(HttpExchange ex, String method, String rest) throws IOException, MasterRoutes.BadRequest {
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        if (!DdfsStore.validName(name)) {
            throw new MasterRoutes.BadRequest("invalid tag name '" + name + "': use [A-Za-z0-9_-@:] only");
        }
        if (slash >= 0) {
            attribute(ex, method, name, rest.substring(slash + 1));
            return;
        }
        switch (method) {
            case "GET":
            case "HEAD": {
                Optional<Map<String, Object>> doc = store.tag(name);
                if (doc.isEmpty()) {
                    Exchanges.error(ex, 404, "unknown tag '" + name + "'");
                } else {
                    Exchanges.json(ex, 200, doc.get());
                }
                return;
            }
            case "PUT":
                store.put(name, urlLists(ex));
                Exchanges.json(ex, 200, List.of("tag://" + name));
                return;
            case "POST":
                store.append(name, urlLists(ex), "1".equals(Exchanges.query(ex).get("update")));
                Exchanges.json(ex, 200, List.of("tag://" + name));
                return;
            case "DELETE":
                if (store.delete(name)) {
                    Exchanges.json(ex, 200, "");
                } else {
                    Exchanges.error(ex, 404, "unknown tag '" + name + "'");
                }
                return;
            default:
                Exchanges.error(ex, 405, "method " + method + " not allowed on a tag");
        }
    }

    private void attribute(HttpExchange ex, String method, String name, String attr)
            throws IOException, MasterRoutes.BadRequest {
        if (attr.startsWith("ddfs:") || attr.isEmpty()) {
            Exchanges.error(ex, 404, "attribute '" + attr + "' is reserved or empty");
            return;
        }
        switch (method) {
            case "GET": {
                Optional<Object> v = store.attribute(name, attr);
                if (v.isEmpty()) {
                    Exchanges.error(ex, 404, "tag '" + name + "' has no attribute '" + attr + "'");
                } else {
                    Exchanges.json(ex, 200, v.get());
                }
                return;
            }
            case "PUT":
                store.setAttribute(name, attr, body(ex));
                Exchanges.json(ex, 200, "");
                return;
            case "DELETE":
                if (store.deleteAttribute(name, attr)) {
                    Exchanges.json(ex, 200, "");
                } else {
                    Exchanges.error(ex, 404, "tag '" + name + "' has no attribute '" + attr + "'");
                }
                return;
            default:
                Exchanges.error(ex, 405, "method " + method + " not allowed on a tag attribute");
        }
    }

    private static Object body(HttpExchange ex) throws IOException, MasterRoutes.BadRequest {
        byte[] body = Exchanges.body(ex, 64 << 20);
        if (body == null) {
            throw new MasterRoutes.BadRequest("request body too large");
        }
        try {
            return PythonJson.parse(body);
        } catch (IOException e) {
            throw new MasterRoutes.BadRequest("request body is not JSON: " + e.getMessage());
        }
    }

    /** The body as {@code [[url, ...], ...]}; a bare URL string in the list counts as a one-replica list. */
    private static List<List<String>> urlLists(HttpExchange ex) throws IOException, MasterRoutes.BadRequest {
        Object v = body(ex);
        if (!(v instanceof List<?> l)) {
            throw new MasterRoutes.BadRequest("expected a list of URL lists, got " + v);
        }
        List<List<String>> out = new ArrayList<>();
        for (Object o : l) {
            if (o instanceof String s) {
                out.add(List.of(s));
            } else if (o instanceof List<?> urls && !urls.isEmpty() && urls.stream().allMatch(u -> u instanceof String)) {
                List<String> copy = new ArrayList<>();
                urls.forEach(u -> copy.add((String) u));
                out.add(copy);
            } else {
                throw new MasterRoutes.BadRequest("expected a list of URL lists, got element " + o);
            }
        }
        return out;
    }
}
