package io.jdisco.worker.core.client;

import io.jdisco.worker.CommException;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.internal.HttpTransport;
import io.jdisco.worker.core.client.internal.JobWaiter;
import io.jdisco.worker.core.client.internal.MasterHttp;
import io.jdisco.worker.core.client.internal.MasterReplies;
import io.jdisco.worker.core.client.internal.OobReader;
import io.jdisco.worker.spi.LazyTlsContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A client of a Disco master's HTTP API (SPEC §11), the Java counterpart of Python's
 * {@code disco.core.Disco}: submit job packs, follow jobs, fetch their results and events, and
 * clean up.
 *
 * <p>Failures: an unreachable master or an HTTP error status is a {@link CommException} with the
 * URL, the status and the master's error text; a reply of the wrong shape is a
 * {@link DataException} naming the URL; a job that fails is a {@link JobException}. Thread-safe:
 * one instance can serve many threads. Result records are not read here; results are returned
 * as replica-URL lists for the input chain to open.
 */
public final class Disco implements JobPolling {
    /** The environment variable naming the master when none is given. */
    public static final String MASTER_VARIABLE = "DISCO_MASTER";
    /** Disco's default {@code wait} poll interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final MasterHttp http;

    /** A client of the master named by {@code DISCO_MASTER}. */
    public Disco() {
        this(null);
    }

    /**
     * A client of {@code master} ({@code http://host:port}); when {@code null}, the
     * {@code DISCO_MASTER} environment variable is used. When {@code JDISCO_TOKEN_FILE} names a
     * file, its token ({@link MasterToken}) goes with every request to the master.
     *
     * @throws DiscoException when neither names a master
     * @throws IllegalArgumentException when the URL is not an {@code http(s)://host[:port]} URL
     */
    public Disco(String master) {
        this(master, System.getenv(), httpClient(), REQUEST_TIMEOUT);
    }

    Disco(String master, Map<String, String> env, HttpClient client, Duration requestTimeout) {
        this(masterUri(master, env), client, requestTimeout, environmentToken(env));
    }

    private Disco(URI uri, HttpClient client, Duration requestTimeout, String token) {
        HttpTransport transport = new HttpTransport(uri, client, requestTimeout, token);
        this.http = new MasterHttp(uri, transport, () -> transport);
    }

    /**
     * A client of {@code master} ({@code http://host:port}) that sends {@code token} with every
     * request to it ({@code Authorization: Bearer <token>}): for a jdisco master bound
     * beyond loopback with a token, reached from another host. {@link #Disco(String)} does the
     * same with the token in the file named by {@value MasterToken#FILE_VARIABLE}.
     *
     * @throws IllegalArgumentException when the URL is not an {@code http(s)://host[:port]} URL
     *     or the token is not one ({@link MasterToken#check(String)})
     */
    public static Disco withToken(String master, String token) {
        Objects.requireNonNull(master, "master");
        return new Disco(masterUri(master, Map.of()), httpClient(), REQUEST_TIMEOUT, MasterToken.check(token));
    }

    /** The token of the file named by {@code JDISCO_TOKEN_FILE} in {@code env}, or null. */
    private static String environmentToken(Map<String, String> env) {
        try {
            return MasterToken.fromEnvironment(env).orElse(null);
        } catch (IOException e) {
            throw new DiscoException("cannot use the token file named by " + MasterToken.FILE_VARIABLE + ": "
                    + e.getMessage(), e);
        }
    }

    private static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(LazyTlsContext.context()).sslParameters(LazyTlsContext.parameters())
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * A client of {@code master} ({@code http://host:port}, the URL its messages and results name)
     * reached through {@code transport}: for a master that answers in this JVM, such as the
     * {@code transport()} of a jdisco master started in this JVM.
     *
     * @throws IllegalArgumentException when the URL is not an {@code http(s)://host[:port]} URL
     */
    public Disco(String master, MasterTransport transport) {
        Objects.requireNonNull(master, "master");
        URI uri = masterUri(master, Map.of());
        this.http = new MasterHttp(uri, Objects.requireNonNull(transport, "transport"),
                () -> new HttpTransport(uri, httpClient(), REQUEST_TIMEOUT));
    }

    /** The master URL from the argument, else from {@code env}; see {@link #Disco(String)}. */
    static URI masterUri(String master, Map<String, String> env) {
        String text = master != null ? master : env.get(MASTER_VARIABLE);
        if (text == null || text.isBlank()) {
            throw new DiscoException("No Disco master given: pass its URL (e.g."
                    + " http://localhost:8989) or set " + MASTER_VARIABLE);
        }
        String trimmed = text.trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master URL '" + text + "' is not a URL", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("master URL '" + text
                    + "' is not of the form http://host:port");
        }
        return uri;
    }

    /** The master's base URL. */
    @Override
    public URI master() {
        return http.base();
    }

    /** The master's version string ({@code GET /disco/version}). */
    public String version() throws IOException, InterruptedException {
        MasterHttp.Reply reply = http.get("/disco/version", Map.of(), Set.of());
        return MasterReplies.text(http.parse(reply), reply.url(), "the version");
    }

    /**
     * Submits a job pack ({@code POST /disco/job/new}) and returns the name the master gave the
     * job, e.g. {@code WordCount@5a2:1b3c4:9d2e1}.
     *
     * @throws DiscoException {@code "Failed to submit jobpack: <the master's text>"} when the
     *     master refuses the pack ({@code ["error", "Job failed to start: ..."]})
     * @throws CommException for HTTP errors (413 pack too large, 403 no new jobs accepted)
     */
    public String submit(byte[] jobpack) throws IOException, InterruptedException {
        Objects.requireNonNull(jobpack, "jobpack");
        MasterHttp.Reply reply = http.post("/disco/job/new", jobpack, Duration.ZERO);
        // ["ok", "<jobname>"] or ["error", "<reason>"]
        Object root = http.parse(reply);
        if (!(root instanceof List<?> pair) || pair.size() != 2) {
            throw new DataException("expected [\"ok\", name] or [\"error\", text] from the"
                    + " master, got " + root, reply.url());
        }
        String tag = MasterReplies.text(pair.get(0), reply.url(), "the submit status");
        String value = MasterReplies.text(pair.get(1), reply.url(), "the submit reply");
        if (!"ok".equals(tag)) {
            throw new DiscoException("Failed to submit jobpack: " + value);
        }
        return value;
    }

    /** What the master knows about job {@code name} ({@code jobinfo}; 404 if unknown). */
    public JobInfo jobInfo(String name) throws IOException, InterruptedException {
        MasterHttp.Reply reply = http.get("/disco/ctrl/jobinfo?name=" + query(name), Map.of(),
                Set.of());
        return MasterReplies.jobInfo(http.parse(reply), reply.url());
    }

    /**
     * The status and results of job {@code name}; the master holds the request up to
     * {@code timeoutMillis} while the job is active, answering as soon as it ends.
     */
    @Override
    public JobResults results(String name, long timeoutMillis)
            throws IOException, InterruptedException {
        Objects.requireNonNull(name, "name");
        return results(List.of(name), timeoutMillis).get(name);
    }

    /**
     * The status and results of several jobs at once, by name in reply order; the master
     * holds the request up to {@code timeoutMillis} or until one of the active jobs ends.
     */
    public Map<String, JobResults> results(Collection<String> names, long timeoutMillis)
            throws IOException, InterruptedException {
        Objects.requireNonNull(names, "names");
        if (timeoutMillis < 0 || timeoutMillis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout " + timeoutMillis + " ms is out of range");
        }
        List<String> jobs = new ArrayList<>(names);
        jobs.forEach(n -> Objects.requireNonNull(n, "job name"));
        // Request: [timeout_ms, ["<job>", ...]]
        MasterHttp.Reply reply = http.post("/disco/ctrl/get_results",
                http.toJson(List.of(timeoutMillis, jobs)), Duration.ofMillis(timeoutMillis));
        Map<String, JobResults> results = MasterReplies.results(http.parse(reply), reply.url());
        for (String job : jobs) {
            if (!results.containsKey(job)) {
                throw new DataException("the master's reply lacks job '" + job + "'",
                        reply.url());
            }
        }
        return results;
    }

    /** {@link #waitFor(String, Duration, Duration)} with a 2 s poll interval and no timeout. */
    public List<List<String>> waitFor(String name) throws IOException, InterruptedException {
        Objects.requireNonNull(name, "name");
        return new JobWaiter(this).await(name, DEFAULT_POLL_INTERVAL, null);
    }

    /**
     * Blocks until job {@code name} is ready and returns its results, polling from
     * {@code pollInterval} on with back-off (see {@link JobWaiter}).
     *
     * @throws JobException when the job is dead (the message carries the event that explains it,
     *     {@link JobFailureCause}), unknown to the master, or still active after {@code timeout}
     *     ({@code "Job <name> failed: Timeout"})
     */
    public List<List<String>> waitFor(String name, Duration pollInterval, Duration timeout)
            throws IOException, InterruptedException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("poll interval " + pollInterval
                    + " must be positive and timeout " + timeout + " not negative");
        }
        return new JobWaiter(this).await(name, pollInterval, timeout);
    }

    /**
     * The events of job {@code name} logged from byte {@code offset} of its event log on
     * ({@code rawevents} with {@code Range: bytes=<offset>-}). Pass the returned
     * {@link JobEvents#nextOffset()} next time to get only newer events.
     */
    @Override
    public JobEvents events(String name, long offset) throws IOException, InterruptedException {
        if (offset < 0) {
            throw new IllegalArgumentException("negative event offset " + offset);
        }
        MasterHttp.Reply reply = http.get("/disco/ctrl/rawevents?name=" + query(name),
                Map.of("Range", "bytes=" + offset + "-"), Set.of(416));
        if (reply.status() == 416) {
            // Nothing at or after offset yet.
            return new JobEvents(List.of(), offset);
        }
        byte[] body = reply.body();
        if (reply.status() != 206 && offset > 0) {
            // The server ignored the Range header and sent the whole log.
            int skip = (int) Math.min(offset, body.length);
            body = Arrays.copyOfRange(body, skip, body.length);
        }
        return MasterReplies.events(body, offset, reply.url());
    }

    /**
     * The counter totals of job {@code name}, read from its whole event log (see
     * {@link JobCounters}).
     */
    public JobCounters counters(String name) throws IOException, InterruptedException {
        List<JobEvent> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            JobEvents page = events(name, offset);
            if (page.events().isEmpty() || page.nextOffset() <= offset) {
                return JobCounters.of(all);
            }
            all.addAll(page.events());
            offset = page.nextOffset();
        }
    }

    /** Kills job {@code name} ({@code kill_job}); its data stays until purged. */
    public void kill(String name) throws IOException, InterruptedException {
        control("kill_job", name);
    }

    /** Deletes job {@code name}, its metadata and its data ({@code purge_job}). */
    public void purge(String name) throws IOException, InterruptedException {
        control("purge_job", name);
    }

    /** Deletes the metadata of job {@code name} only ({@code clean_job}; deprecated by Disco). */
    public void clean(String name) throws IOException, InterruptedException {
        control("clean_job", name);
    }

    /** All jobs the master knows, newest first ({@code joblist}). */
    public List<JobListing> jobs() throws IOException, InterruptedException {
        MasterHttp.Reply reply = http.get("/disco/ctrl/joblist", Map.of(), Set.of());
        return MasterReplies.jobList(http.parse(reply), reply.url());
    }

    /**
     * The outputs of stage {@code stage} of job {@code name} ({@code get_stageresults}), one
     * replica list each; a 404 {@link CommException} while the stage is not finished.
     */
    public List<List<String>> stageResults(String name, String stage)
            throws IOException, InterruptedException {
        Objects.requireNonNull(stage, "stage");
        MasterHttp.Reply reply = http.get("/disco/ctrl/get_stageresults?name=" + query(name)
                + "&stage=" + query(stage), Map.of(), Set.of());
        return MasterReplies.replicaLists(http.parse(reply), reply.url());
    }

    /**
     * The keys of the out-of-band results of job {@code name} (SPEC §4.3): the blob names in
     * DDFS tag {@code disco:job:oob:<name>}, sorted; empty when the tag does not exist.
     */
    public List<String> oobList(String name) throws IOException, InterruptedException {
        return new OobReader(http).keys(name);
    }

    /**
     * The value of out-of-band result {@code key} of job {@code name}.
     *
     * @throws DiscoException {@code "Unknown key or jobname"} when there is no such result
     */
    public byte[] oobGet(String name, String key) throws IOException, InterruptedException {
        Objects.requireNonNull(key, "key");
        if (!DiscoNames.isSafe(key)) {
            throw new IllegalArgumentException("OOB key '" + key
                    + "' has characters outside [A-Za-z0-9_-@:]");
        }
        return new OobReader(http).value(name, key);
    }

    @Override
    public String toString() {
        return "Disco[" + http.base() + "]";
    }

    private void control(String op, String name) throws IOException, InterruptedException {
        Objects.requireNonNull(name, "name");
        // Request: the job name as a JSON string; reply: "".
        http.post("/disco/ctrl/" + op, http.toJson(name), Duration.ZERO);
    }

    private static String query(String value) {
        Objects.requireNonNull(value, "name");
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
