package io.jdisco.local.internal.cluster;

import com.sun.net.httpserver.HttpExchange;
import io.jdisco.local.internal.http.BadRequest;
import io.jdisco.local.internal.http.Exchanges;
import io.jdisco.local.internal.jobs.JobRecord;
import io.jdisco.local.internal.jobs.MasterService;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master's cluster control operations under {@code /disco/ctrl/} (Disco's {@code disco_web}),
 * answered for a one-node cluster: {@code nodeinfo}, {@code load_config_table} /
 * {@code save_config_table}, {@code blacklist} / {@code whitelist} / {@code get_blacklist}, their
 * {@code gc_} twins, and {@code get_settings} / {@code save_settings}. The answers are the ones a
 * Disco 0.5.4 master gives (statuses, JSON shapes, texts); what they change is kept in
 * {@link NodeStatus}.
 */
public final class ControlRoutes {
    private final MasterService service;
    private final NodeStatus status;

    /** The operations of {@code service}'s node. */
    public ControlRoutes(MasterService service) {
        this.service = service;
        NodeContext node = service.node();
        this.status = new NodeStatus(node.layout().host(), node.config().slots(), node.config().maxFailures());
    }

    /** The node's settings and lists. */
    public NodeStatus status() {
        return status;
    }

    /**
     * Answers {@code method op} if it is one of these operations.
     *
     * @return false when it is not (the caller answers 404)
     */
    public boolean handle(HttpExchange ex, String method, String op) throws IOException, BadRequest {
        switch (method + " " + op) {
            case "GET nodeinfo":
                Exchanges.json(ex, 200, nodeInfo());
                return true;
            case "GET load_config_table":
                Exchanges.json(ex, 200, status.table().rows());
                return true;
            case "POST save_config_table":
                try {
                    status.saveTable(ConfigTable.parse(jsonBody(ex)));
                    Exchanges.json(ex, 200, "table saved!");
                } catch (ConfigTable.Invalid e) {
                    Exchanges.json(ex, 400, e.getMessage());
                }
                return true;
            case "GET get_blacklist":
                Exchanges.json(ex, 200, status.blacklisted());
                return true;
            case "GET get_gc_blacklist":
                Exchanges.json(ex, 200, status.gcBlacklisted());
                return true;
            case "POST blacklist":
                status.blacklist(hostBody(ex), true);
                Exchanges.json(ex, 200, "");
                return true;
            case "POST whitelist":
                status.blacklist(hostBody(ex), false);
                Exchanges.json(ex, 200, "");
                return true;
            case "POST gc_blacklist":
                status.gcBlacklist(hostBody(ex), true);
                Exchanges.json(ex, 200, "");
                return true;
            case "POST gc_whitelist":
                status.gcBlacklist(hostBody(ex), false);
                Exchanges.json(ex, 200, "");
                return true;
            case "GET get_settings": {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("max_failure_rate", status.maxFailureRate());
                m.put("accept_new_jobs", status.acceptNewJobs() ? 1 : 0);
                Exchanges.json(ex, 200, m);
                return true;
            }
            case "POST save_settings":
                saveSettings(jsonBody(ex));
                Exchanges.json(ex, 200, "Settings saved");
                return true;
            default:
                return false;
        }
    }

    /**
     * {@code {host: {[tasks,] job_ok, data_error, error, max_workers, connected, blacklisted,
     * diskfree, diskused}}}: this node (its running tasks as one job name each, the task counts of
     * the jobs the master knows, the disk of DDFS_DATA in KiB as {@code df -k} gives it) and,
     * as not connected, every other host of the node table.
     */
    Map<String, Object> nodeInfo() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> blacklisted = status.blacklisted();
        List<String> tasks = new ArrayList<>();
        long ok = 0;
        long failed = 0;
        for (JobRecord j : service.registry().newestFirst()) {
            boolean active = j.status() == JobRecord.Status.ACTIVE;
            for (List<Object> stage : j.progress()) {
                int running = ((Number) stage.get(3)).intValue();
                ok += ((Number) stage.get(4)).longValue();
                failed += ((Number) stage.get(5)).longValue();
                for (int i = 0; active && i < running; i++) {
                    tasks.add(j.name());
                }
            }
        }
        String host = status.localHost();
        Map<String, Object> self = new LinkedHashMap<>();
        if (!tasks.isEmpty()) {
            self.put("tasks", tasks);
        }
        self.put("job_ok", ok);
        self.put("data_error", 0);
        self.put("error", failed);
        self.put("max_workers", service.node().config().slots());
        self.put("connected", true);
        self.put("blacklisted", blacklisted.contains(host));
        Path ddfs = service.node().layout().ddfsData();
        FileStore store = Files.getFileStore(Files.exists(ddfs) ? ddfs : service.node().layout().root());
        self.put("diskfree", store.getUsableSpace() / 1024);
        self.put("diskused", (store.getTotalSpace() - store.getUnallocatedSpace()) / 1024);
        out.put(host, self);
        status.table().hosts().forEach((other, workers) -> {
            if (!other.equals(host)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("job_ok", 0);
                m.put("data_error", 0);
                m.put("error", 0);
                m.put("max_workers", workers);
                m.put("connected", false);
                m.put("blacklisted", blacklisted.contains(other));
                out.put(other, m);
            }
        });
        return out;
    }

    private void saveSettings(Object body) throws BadRequest {
        if (!(body instanceof Map<?, ?> m)) {
            throw new BadRequest("save_settings expects a JSON object, got " + body);
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.equals("max_failure_rate") && !key.equals("accept_new_jobs")) {
                continue; // the master logs and ignores unknown settings
            }
            int value;
            try {
                value = Integer.parseInt(String.valueOf(e.getValue()).strip());
            } catch (NumberFormatException ex) {
                throw new BadRequest("setting '" + key + "' must be an integer as a string, got "
                        + e.getValue());
            }
            if (key.equals("max_failure_rate")) {
                status.maxFailureRate(value);
            } else {
                status.acceptNewJobs(value != 0);
            }
        }
    }

    private static Object jsonBody(HttpExchange ex) throws IOException, BadRequest {
        byte[] body = Exchanges.body(ex, 1 << 20);
        if (body == null) {
            throw new BadRequest("request body too large (at most 1 MiB)");
        }
        try {
            return PythonJson.parse(body);
        } catch (IOException e) {
            throw new BadRequest("request body is not JSON: " + e.getMessage());
        }
    }

    private static String hostBody(HttpExchange ex) throws IOException, BadRequest {
        Object v = jsonBody(ex);
        if (!(v instanceof String s)) {
            throw new BadRequest(ConfigTable.stringExpected(v));
        }
        return s;
    }
}
