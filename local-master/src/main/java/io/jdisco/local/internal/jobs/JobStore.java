package io.jdisco.local.internal.jobs;

import io.jdisco.local.internal.files.AtomicFiles;
import io.jdisco.local.internal.files.EventLog;
import io.jdisco.local.internal.files.PartialFiles;
import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.core.json.PythonJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job records of a master: each job's {@code job.json} next to its event log in
 * {@code DISCO_MASTER_ROOT/<hh>/<job>/}, written whole ({@link AtomicFiles}) when the job is
 * submitted, when a stage finishes and when it becomes ready or dead (that last one forced to the
 * disk, the others only safe from a death of the master process):
 *
 * <pre>
 *   {"version":1,"name":"WordCount@5a2:1b3c4:9d2e1","submitted":1764288062000,"host":"localhost",
 *    "worker":"bin/worker","owner":"me@box","inputs":["raw://a"],"status":"ready","ended":1764288063020,
 *    "results":[["dir://localhost/disco/..."]],"stage_results":{"map":[["dir://..."]]},
 *    "counts":[["map",1,1,0]]}
 * </pre>
 *
 * ({@code submitted}, {@code ended}: epoch milliseconds; {@code counts}: stage, tasks, done, failed
 * attempts; {@code host}: the node name of the job home {@code DISCO_DATA/<host>/<hh>/<job>}.)
 *
 * <p>{@link #restore} reads them back when a master starts on an existing data root. A job still
 * {@code active} in its record was running when the previous master stopped: it becomes dead,
 * with the event "Job dead: the master stopped while it was active", and the {@code .partial}
 * files of its killed workers are deleted. A job directory without a readable record (a crash
 * during submission, or data of an older master) is restored dead, with what can be known (its
 * name, its directory's time), so that it can still be listed and purged.
 */
public final class JobStore {
    /** The record's file name in the job's master directory. */
    public static final String RECORD = "job.json";
    /** A record larger than this is not read (results of a huge job; the normal size is KBs). */
    static final long MAX_RECORD = 64L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    private static final PythonJson JSON = PythonJson.compact();
    private static final int VERSION = 1;

    private final NodeLayout layout;
    private final AtomicFiles files;

    /** The records under {@code layout}'s master root. */
    public JobStore(NodeLayout layout) {
        this(layout, AtomicFiles.DISK);
    }

    /** Records written through {@code files}. */
    public JobStore(NodeLayout layout, AtomicFiles files) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.files = Objects.requireNonNull(files, "files");
    }

    /** The files this store writes through (the job's jobfiles use them too). */
    public AtomicFiles files() {
        return files;
    }

    /** Writes {@code job}'s record with {@code st}, whole or not at all. */
    public void save(JobRecord job, JobState st) throws IOException {
        JobSummary s = job.summary();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("name", s.name());
        m.put("submitted", s.submitted().toEpochMilli());
        m.put("host", layout.discoData().relativize(job.jobHome()).getName(0).toString());
        m.put("worker", s.worker());
        m.put("owner", s.owner());
        m.put("inputs", s.inputs());
        m.put("status", st.status().wire());
        m.put("ended", st.ended() == null ? null : st.ended().toEpochMilli());
        m.put("results", st.results());
        m.put("stage_results", st.stageResults());
        List<Object> counts = new ArrayList<>();
        st.counts().forEach(c -> counts.add(List.of(c.stage(), c.tasks(), c.done(), c.failed())));
        m.put("counts", counts);
        files.write(job.masterDir().resolve(RECORD), JSON.writeBytes(m), st.status() != JobRecord.Status.ACTIVE);
    }

    /**
     * Every job found under the master root, oldest first, each registered to notify
     * {@code onChange}; jobs that were active are made dead (see the class comment).
     */
    public List<JobRecord> restore(Runnable onChange) throws IOException {
        List<JobRecord> out = new ArrayList<>();
        Path root = layout.masterRoot();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> hashes = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path hash : hashes) {
                try (DirectoryStream<Path> jobs = Files.newDirectoryStream(hash, Files::isDirectory)) {
                    for (Path dir : jobs) {
                        String name = dir.getFileName().toString();
                        if (!DiscoNames.hexhash(name).equals(hash.getFileName().toString())) {
                            LOG.warn("{} is not a job directory (its parent is not hexhash of its name); left alone",
                                    dir);
                            continue;
                        }
                        try {
                            out.add(restore(dir, name, onChange));
                        } catch (IOException | RuntimeException e) {
                            LOG.warn("job directory {} could not be restored: {}", dir, e.toString());
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing(JobRecord::started).thenComparing(JobRecord::name));
        return out;
    }

    private JobRecord restore(Path dir, String name, Runnable onChange) throws IOException {
        deleteTemporaries(dir);
        EventLog events = new EventLog(dir.resolve("events"));
        events.release(); // a restored job is never active: its log keeps no file open
        Path file = dir.resolve(RECORD);
        Saved saved;
        try {
            saved = read(file, name);
        } catch (NoSuchFileException e) {
            return lost(dir, name, events, onChange, "it has no " + RECORD);
        } catch (IOException | RuntimeException e) {
            Files.move(file, dir.resolve(RECORD + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
            return lost(dir, name, events, onChange, RECORD + " cannot be read: " + e.getMessage() + "; kept as "
                    + RECORD + ".unreadable");
        }
        Path home = layout.discoData().resolve(saved.host()).resolve(DiscoNames.hexhash(name)).resolve(name);
        JobState state = saved.state();
        if (state.status() != JobRecord.Status.ACTIVE) {
            return new JobRecord(saved.summary(), state, home, dir, events, this, onChange);
        }
        JobState dead = new JobState(JobRecord.Status.DEAD, Instant.now(), List.of(),
                state.stageResults(), state.counts());
        JobRecord job = new JobRecord(saved.summary(), dead, home, dir, events, this, onChange);
        died(job, "Job dead: the master stopped while it was active");
        PartialFiles.deleteAll(home);
        return job;
    }

    /** A job directory whose record is missing or unreadable: dead, with what its directory tells. */
    private JobRecord lost(Path dir, String name, EventLog events, Runnable onChange, String why) throws IOException {
        JobSummary summary = new JobSummary(name, Files.getLastModifiedTime(dir).toInstant(), "", "",
                List.of());
        JobState state = new JobState(JobRecord.Status.DEAD, Instant.now(), List.of(), Map.of(),
                List.of());
        JobRecord job = new JobRecord(summary, state, layout.jobHome(name), dir, events, this, onChange);
        died(job, "Job dead: restored without its record (" + why + ")");
        return job;
    }

    /** A parsed record. */
    private record Saved(JobSummary summary, JobState state, String host) {
    }

    /** Reads and checks the record {@code file} of job {@code name}. */
    private static Saved read(Path file, String name) throws IOException {
        if (Files.size(file) > MAX_RECORD) {
            throw new DataException("the record is larger than " + MAX_RECORD + " bytes", file.toString());
        }
        Map<?, ?> m = map(PythonJson.parse(Files.readAllBytes(file)), "the record");
        if (!name.equals(m.get("name"))) {
            throw new DataException("it names job '" + m.get("name") + "', not '" + name + "'", file.toString());
        }
        String host = text(m.get("host"), "host");
        if (!validSegment(host)) {
            throw new DataException("host '" + host + "' is not a directory name", file.toString());
        }
        JobSummary summary = new JobSummary(name, Instant.ofEpochMilli(number(m.get("submitted"))),
                text(m.get("worker"), "worker"), text(m.get("owner"), "owner"), strings(m.get("inputs")));
        return new Saved(summary, state(m), host);
    }

    /** Logs why a restored job is dead and saves its record. */
    private static void died(JobRecord job, String event) throws IOException {
        try {
            job.events().master(event);
        } catch (UncheckedIOException e) {
            LOG.warn("job {}: the event '{}' could not be logged: {}", job.name(), event, e.getMessage());
        }
        job.save();
    }

    private static JobState state(Map<?, ?> m) throws DataException {
        JobRecord.Status status = null;
        for (JobRecord.Status s : JobRecord.Status.values()) {
            if (s.wire().equals(m.get("status"))) {
                status = s;
            }
        }
        if (status == null) {
            throw new DataException("unknown status " + m.get("status"), RECORD);
        }
        Object ended = m.get("ended");
        Map<String, List<List<String>>> stageResults = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map(m.get("stage_results"), "stage_results").entrySet()) {
            stageResults.put(String.valueOf(e.getKey()), replicaLists(e.getValue()));
        }
        List<JobState.StageCounts> counts = new ArrayList<>();
        for (Object c : list(m.get("counts"), "counts")) {
            List<?> l = list(c, "a stage's counts");
            if (l.size() != 4) {
                throw new DataException("a stage's counts are not [stage, tasks, done, failed]: " + l, RECORD);
            }
            counts.add(new JobState.StageCounts(text(l.get(0), "a stage"), (int) number(l.get(1)),
                    (int) number(l.get(2)), (int) number(l.get(3))));
        }
        return new JobState(status, ended == null ? null : Instant.ofEpochMilli(number(ended)),
                replicaLists(m.get("results")), stageResults, counts);
    }

    private static Map<?, ?> map(Object v, String what) throws DataException {
        if (!(v instanceof Map<?, ?> m)) {
            throw new DataException(what + " is not a JSON object", RECORD);
        }
        return m;
    }

    private static List<?> list(Object v, String what) throws DataException {
        if (!(v instanceof List<?> l)) {
            throw new DataException(what + " is not a JSON list", RECORD);
        }
        return l;
    }

    private static String text(Object v, String what) throws DataException {
        if (!(v instanceof String s)) {
            throw new DataException(what + " is not a string: " + v, RECORD);
        }
        return s;
    }

    private static long number(Object v) throws DataException {
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new DataException("expected an integer, got " + v, RECORD);
        }
        return ((Number) v).longValue();
    }

    private static List<String> strings(Object v) throws DataException {
        List<String> out = new ArrayList<>();
        for (Object o : list(v, "a URL list")) {
            out.add(text(o, "a URL"));
        }
        return out;
    }

    private static List<List<String>> replicaLists(Object v) throws DataException {
        List<List<String>> out = new ArrayList<>();
        for (Object o : list(v, "a list of replica lists")) {
            out.add(strings(o));
        }
        return out;
    }

    /** True for a single, ordinary path segment. */
    private static boolean validSegment(String s) {
        return !s.isEmpty() && !s.equals(".") && !s.equals("..") && s.indexOf('/') < 0 && s.indexOf('\\') < 0
                && s.indexOf('\0') < 0;
    }

    /** Deletes the temporary files a crash left in a job's master directory. */
    private static void deleteTemporaries(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> AtomicFiles.isTemporary(p.getFileName().toString()))) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }
}
