package io.jdisco.local.internal.ddfs;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.internal.http.BadRequest;
import io.jdisco.local.internal.http.Exchanges;
import io.jdisco.local.internal.http.FileResponses;
import io.jdisco.local.internal.node.NodeContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DDFS over HTTP (SPEC §11.4), on the master's port:
 *
 * <pre>
 *   GET    /ddfs/new_blob/&lt;name&gt;        ["http://127.0.0.1:&lt;port&gt;/ddfs/vol0/blob/&lt;hh&gt;/&lt;name&gt;$&lt;ts&gt;"]
 *   PUT    /ddfs/vol0/blob/&lt;hh&gt;/&lt;file&gt;  (body = blob, at most maxBlobBytes, else 413)  "disco://&lt;host&gt;/ddfs/vol0/blob/&lt;hh&gt;/&lt;file&gt;"
 *   /ddfs/tag/&lt;tag&gt;[/&lt;attr&gt;]           tags, their attributes and tokens ({@link TagRoutes})
 *   /ddfs/ctrl/&lt;op&gt;                  gc_status, gc_start, gc_stats, safe_gc_blacklist ({@link DdfsControl})
 *   GET    /ddfs/tags[/prefix]              tag names (prefix a/b means a:b)
 *   GET|HEAD /ddfs/&lt;path&gt;                 a blob file, Range supported
 * </pre>
 */
public final class DdfsRoutes {

    private final DdfsStore store;
    private final NodeContext node;
    private final TagRoutes tagRoutes;
    private final DdfsControl control;

    public DdfsRoutes(DdfsStore store, NodeContext node) {
        this.store = store;
        this.node = node;
        this.tagRoutes = new TagRoutes(store.tags());
        this.control = new DdfsControl(store, node);
    }

    public void handle(HttpExchange ex, String method, String rawPath) throws IOException, BadRequest {
        String path = Exchanges.decode(rawPath);
        if (path.startsWith("/ddfs/new_blob/") && method.equals("GET")) {
            String name = path.substring("/ddfs/new_blob/".length());
            if (!DdfsStore.validName(name)) {
                // Disco's answer to an invalid blob name (its new_blob shares the tags' name check)
                Exchanges.bytes(ex, 403, "text/plain", "Invalid tag".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Exchanges.json(ex, 200, List.of(node.masterUrl() + "/ddfs/" + store.newBlobPath(name)));
        } else if (path.startsWith("/ddfs/tag/")) {
            tagRoutes.handle(ex, method, path.substring("/ddfs/tag/".length()));
        } else if (path.startsWith("/ddfs/ctrl/")) {
            control.handle(ex, method, path.substring("/ddfs/ctrl/".length()));
        } else if (path.equals("/ddfs/tags") || path.startsWith("/ddfs/tags/")) {
            String prefix = path.length() > "/ddfs/tags/".length() ? path.substring("/ddfs/tags/".length()) : "";
            Exchanges.json(ex, 200, store.list(prefix.replace('/', ':')));
        } else if (path.startsWith("/ddfs/vol") && method.equals("PUT")) {
            putBlob(ex, path.substring("/ddfs/".length()));
        } else if (method.equals("GET") || method.equals("HEAD")) {
            FileResponses.serve(ex, node.layout().servedRegularFile(path));
        } else {
            Exchanges.error(ex, 404, "no such DDFS resource: " + method + " " + path);
        }
    }

    private void putBlob(HttpExchange ex, String relative) throws IOException, BadRequest {
        String[] parts = relative.split("/");
        if (parts.length != 4 || !parts[1].equals("blob") || !node.layout().servedFile("/ddfs/" + relative).isPresent()
                || !DdfsStore.validName(parts[3].replace('$', '_'))) {
            throw new BadRequest("not a blob location: /ddfs/" + relative);
        }
        long max = node.config().maxBlobBytes();
        if (Exchanges.declaredLength(ex) > max) {
            Exchanges.closeAfterReply(ex);
            Exchanges.error(ex, 413, tooLarge(relative, max));
            return;
        }
        String url;
        try (InputStream in = ex.getRequestBody()) {
            url = store.storeBlob(relative, in, max);
        } catch (DdfsStore.BlobTooLarge e) {
            Exchanges.closeAfterReply(ex);
            Exchanges.error(ex, 413, tooLarge(relative, max));
            return;
        }
        Exchanges.json(ex, 201, url);
    }

    private static String tooLarge(String relative, long max) {
        return "blob /ddfs/" + relative + " is larger than " + max + " bytes, the master's limit (--max-blob);"
                + " split the data into several blobs";
    }
}
