package io.jdisco.local.internal.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jdisco.local.internal.cluster.ControlRoutes;
import io.jdisco.local.internal.ddfs.DdfsRoutes;
import io.jdisco.local.internal.files.EventLog;
import io.jdisco.local.internal.http.BadRequest;
import io.jdisco.local.internal.http.Exchanges;
import io.jdisco.local.internal.http.FileResponses;
import io.jdisco.local.internal.http.RequestGuard;
import io.jdisco.local.internal.jobs.JobNames;
import io.jdisco.local.internal.jobs.JobRecord;
import io.jdisco.local.internal.jobs.JobRegistry;
import io.jdisco.local.internal.jobs.MasterService;
import io.jdisco.local.internal.status.StatusPages;
import io.jdisco.local.internal.status.StatusQueries;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of the local master (SPEC §11.1; {@code /proxy/<node>/<METHOD>/<path>} is unwrapped to
 * {@code /<path>}): job submission and control under
 * {@code /disco/job/} and {@code /disco/ctrl/}, the node's data under {@code /disco/<path>} and
 * {@code /ddfs/<path>} (GET, HEAD, Range), and DDFS (SPEC §11.4, {@link DdfsRoutes}). Bad
 * requests get 400 with a JSON error string, unknown paths 404, failures 500. The status pages
 * ({@code /}, {@code /job/<name>}, {@code /ui/...}) are {@link StatusPages}.
 */
public final class MasterRoutes implements HttpHandler {
    /** The version this master reports. */
    static final String VERSION = "0.5.4";

    private static final Logger LOG = LoggerFactory.getLogger(MasterRoutes.class);

    private final MasterService service;
    private final DdfsRoutes ddfs;
    private final RequestGuard guard;
    private final ControlRoutes controls;

    /** Routes for {@code service}. */
    public MasterRoutes(MasterService service) {
        this.service = service;
        this.ddfs = new DdfsRoutes(service.ddfs(), service.node());
        this.guard = RequestGuard.of(service.node().config(), service.node().port());
        this.controls = new ControlRoutes(service);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        // No reply is to be read as another type than it says (a job's data as a page of this origin).
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (!guard.admit(ex)) {
            return;
        }
        try {
            route(ex);
        } catch (BadRequest e) {
            Exchanges.error(ex, 400, e.getMessage());
        } catch (NotFound e) {
            Exchanges.error(ex, 404, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchanges.error(ex, 503, "the master is closing");
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            try {
                Exchanges.error(ex, 500, "internal error: " + e);
            } catch (IOException | RuntimeException ignored) {
                ex.close();
            }
        }
    }

    /** A request for something the master does not have: 404. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    private void route(HttpExchange ex) throws IOException, InterruptedException, BadRequest {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        if (path.startsWith("/proxy/")) {
            // /proxy/<node>/<METHOD>/<path> is /<path> (SPEC §11): one node, so every node is this one.
            String[] parts = path.split("/", 5);
            if (parts.length < 5) {
                throw new BadRequest("a proxy path is /proxy/<node>/<METHOD>/<path>, got " + path);
            }
            path = "/" + parts[4];
        }
        if (path.startsWith("/ddfs/")) {
            ddfs.handle(ex, method, path);
        } else if (path.startsWith("/disco/job/") && method.equals("POST")) {
            submit(ex);
        } else if (path.startsWith("/disco/ctrl/")) {
            control(ex, method, path.substring("/disco/ctrl/".length()));
        } else if (path.equals("/disco/version")) {
            Exchanges.json(ex, 200, VERSION);
        } else if (path.startsWith("/disco/") && (method.equals("GET") || method.equals("HEAD"))) {
            FileResponses.serve(ex, service.node().layout().servedRegularFile(Exchanges.decode(path)));
        } else if (StatusPages.handles(method, path)) {
            StatusPages.serve(ex, path);
        } else {
            Exchanges.error(ex, 404, "no such resource: " + method + " " + path);
        }
    }

    private void submit(HttpExchange ex) throws IOException {
        if (!controls.status().acceptNewJobs()) {
            // the master's answer while its setting accept_new_jobs is 0
            Exchanges.bytes(ex, 403, "text/plain", "No new jobs should be submitted to this cluster."
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        long max = service.node().config().maxPackBytes();
        byte[] pack = Exchanges.body(ex, max);
        if (pack == null) {
            Exchanges.error(ex, 413, "Job packet too large: more than " + max + " bytes (the master's --max-pack)");
            return;
        }
        try {
            Exchanges.json(ex, 200, List.of("ok", service.submit(pack)));
        } catch (JobNames.InvalidName e) {
            Exchanges.error(ex, 400, e.getMessage());
        } catch (DiscoException e) {
            Exchanges.json(ex, 200, List.of("error", "Job failed to start: " + e.getMessage()));
        }
    }

    private void control(HttpExchange ex, String method, String op) throws IOException, InterruptedException,
            BadRequest {
        Map<String, String> q = Exchanges.query(ex);
        JobRegistry jobs = service.registry();
        switch (method + " " + op) {
            case "POST get_results": {
                Object req = jsonBody(ex);
                if (!(req instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Number)
                        || !(l.get(1) instanceof List)) {
                    throw new BadRequest("get_results expects [timeout_ms, [job names]], got " + req);
                }
                List<String> names = new ArrayList<>();
                ((List<?>) l.get(1)).forEach(n -> names.add(String.valueOf(n)));
                jobs.awaitChange(names, ((Number) l.get(0)).longValue());
                List<Object> out = new ArrayList<>();
                for (String n : names) {
                    Optional<JobRecord> j = jobs.get(n);
                    Object status = j.isEmpty() ? List.of("unknown job", List.of())
                            : j.get().status() == JobRecord.Status.READY ? List.of("ready", wireResults(j.get()))
                            : List.of(j.get().status().wire(), List.of());
                    out.add(List.of(n, status));
                }
                Exchanges.json(ex, 200, out);
                return;
            }
            case "POST kill_job":
                service.kill(nameBody(ex));
                Exchanges.json(ex, 200, "");
                return;
            case "POST purge_job":
                service.purge(nameBody(ex));
                Exchanges.json(ex, 200, "");
                return;
            case "POST clean_job":
                service.clean(nameBody(ex));
                Exchanges.json(ex, 200, "");
                return;
            case "GET jobinfo":
                jobInfo(ex, job(ex, q));
                return;
            case "GET parameters":
                FileResponses.serve(ex, service.node().layout().regularFile(job(ex, q).masterDir().resolve("jobfile")));
                return;
            case "GET rawevents": {
                EventLog events = job(ex, q).events();
                Optional<Path> file = service.node().layout().regularFile(events.file());
                if (file.isEmpty()) {
                    FileResponses.serve(ex, file);
                } else {
                    FileResponses.send(ex, file.get(), events.wholeLength());
                }
                return;
            }
            case "GET jobevents":
                JobEventsQuery.answer(ex, job(ex, q), q);
                return;
            case "GET get_stageresults": {
                List<List<String>> r = job(ex, q).stageResults(q.getOrDefault("stage", ""));
                if (r == null) {
                    Exchanges.error(ex, 404, "stage '" + q.get("stage") + "' of job '" + q.get("name")
                            + "' has not finished");
                } else {
                    Exchanges.json(ex, 200, r);
                }
                return;
            }
            case "GET joblist": {
                List<Object> rows = new ArrayList<>();
                for (JobRecord j : jobs.newestFirst()) {
                    rows.add(List.of(j.started().getEpochSecond(), j.status().wire(), j.name()));
                }
                Exchanges.json(ex, 200, rows);
                return;
            }
            case "GET joblist_detail":
                StatusQueries.jobList(ex, jobs, q);
                return;
            case "GET job_detail":
                StatusQueries.job(ex, job(ex, q));
                return;
            case "GET counters":
                StatusQueries.counters(ex, job(ex, q));
                return;
            default:
                if (!controls.handle(ex, method, op)) {
                    Exchanges.error(ex, 404, "no such control operation: " + method + " " + op);
                }
        }
    }

    /**
     * A ready job's results as {@code get_results} gives them: one replica list per output; but a
     * job that saved its results to DDFS has the bare tag URL {@code "tag://disco:results:<job>"},
     * as Disco's master answers (its Python client reads {@code results(job)[1][0]} as the tag).
     */
    private static List<?> wireResults(JobRecord j) {
        List<List<String>> results = j.results();
        boolean saved = results.size() == 1 && results.get(0).equals(List.of("tag://disco:results:" + j.name()));
        return saved ? results.get(0) : results;
    }

    private void jobInfo(HttpExchange ex, JobRecord j) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", j.timestamp());
        m.put("active", j.status().wire());
        m.put("pipeline", j.progress());
        m.put("results", MasterService.flatten(j.results()));
        m.put("inputs", j.inputs());
        m.put("worker", j.worker());
        m.put("hosts", j.status() == JobRecord.Status.ACTIVE ? List.of(service.node().layout().host()) : List.of());
        m.put("owner", j.owner());
        Exchanges.json(ex, 200, m);
    }

    /** The job named by {@code ?name=}; {@link NotFound} when unknown. */
    private JobRecord job(HttpExchange ex, Map<String, String> q) throws BadRequest {
        String name = q.get("name");
        if (name == null) {
            throw new BadRequest("missing query parameter 'name'");
        }
        return service.registry().get(name).orElseThrow(() -> new NotFound("unknown job '" + name + "'"));
    }

    private static Object jsonBody(HttpExchange ex) throws IOException, BadRequest {
        byte[] body = Exchanges.body(ex, 16 << 20);
        if (body == null) {
            throw new BadRequest("request body too large");
        }
        try {
            return PythonJson.parse(body);
        } catch (IOException e) {
            throw new BadRequest("request body is not JSON: " + e.getMessage());
        }
    }

    private static String nameBody(HttpExchange ex) throws IOException, BadRequest {
        Object v = jsonBody(ex);
        if (!(v instanceof String s)) {
            throw new BadRequest("expected a job name as a JSON string, got " + v);
        }
        return s;
    }
}
