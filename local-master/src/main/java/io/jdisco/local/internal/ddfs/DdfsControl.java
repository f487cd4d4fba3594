package io.jdisco.local.internal.ddfs;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.internal.http.Exchanges;
import io.jdisco.local.internal.node.NodeContext;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code /ddfs/ctrl/<op>} as Disco 0.5.4 answers it: {@code gc_start} ("GC has started"),
 * {@code gc_status} ("" when no collection runs, else the phase), {@code gc_stats} ("" before the
 * first collection, else its timestamp and counts) and {@code safe_gc_blacklist} (the nodes that
 * may be removed: none on one node). The collection is {@link DdfsGc}.
 */
final class DdfsControl {
    private final DdfsGc gc;

    DdfsControl(DdfsStore store, NodeContext node) {
        this.gc = new DdfsGc(store, node.layout(), Clock.systemUTC());
    }

    void handle(HttpExchange ex, String method, String op) throws IOException {
        switch (method + " " + op) {
            case "GET gc_start" -> {
                gc.start();
                Exchanges.json(ex, 200, "GC has started");
            }
            case "GET gc_status" -> Exchanges.json(ex, 200,
                    gc.isRunning() ? "GC is performing garbage collection (phase gc)." : "");
            case "GET gc_stats" -> {
                Map<String, Object> stats = gc.lastStats();
                Exchanges.json(ex, 200, stats == null ? "" : stats);
            }
            case "GET safe_gc_blacklist" -> Exchanges.json(ex, 200, List.of());
            default -> Exchanges.error(ex, 404, "no such DDFS control operation: " + method + " " + op);
        }
    }
}
