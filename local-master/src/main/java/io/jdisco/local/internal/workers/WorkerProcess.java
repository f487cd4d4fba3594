package io.jdisco.local.internal.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts a job's worker executable as the master does (SPEC §1.2): no arguments, cwd = job home,
 * under {@code nice -n 19} when asked and available, stdout and stderr merged into one pipe, the
 * environment of this process minus the Disco settings plus the jobenvs; and kills a worker with
 * its descendants (SPEC §1.3).
 */
public final class WorkerProcess {
    /** The Disco setting names removed from a worker's environment (SPEC §1.2 item 5, §4.4). */
    public static final Set<String> DISCO_SETTINGS = Set.of("DISCO_PORT", "DDFS_PUT_PORT", "DISCO_MASTER_HOST",
            "DISCO_MASTER", "DISCO_HOME", "DISCO_ROOT", "DISCO_DATA", "DDFS_ROOT", "DDFS_DATA", "DISCO_MASTER_ROOT",
            "DISCO_NAME", "DISCO_WORKER_MAX_MEM", "DISCO_FLAGS", "DISCO_PROXY", "DISCO_PROXY_PORT",
            "DISCO_PROXY_ENABLED", "DISCO_JOB_OWNER", "DISCO_EVENTS", "DISCO_GC_AFTER", "DATA_GC_INTERVAL",
            "DDFS_TAG_MIN_REPLICAS", "DDFS_TAG_REPLICAS", "DDFS_BLOB_REPLICAS", "DDFS_PUT_MAX", "DDFS_GET_MAX",
            "DDFS_READ_TOKEN", "DDFS_WRITE_TOKEN", "DISCO_SCHEDULER", "DISCO_SCHEDULER_ALPHA", "DISCO_TEST_HOST",
            "DISCO_TEST_PORT", "DISCO_TEST_PURGE", "DISCO_TEST_PROFILE", "DISCO_TEST_DISCODB", "DISCO_DEBUG",
            "DISCO_ERLANG", "DISCO_HTTPD", "DISCO_LOG_DIR", "DISCO_PID_DIR", "DISCO_ULIMIT", "DISCO_USER",
            "DISCO_WWW_ROOT", "DISCO_ROTATE_LOG", "DISCO_PROFILE", "GRAPHITE_HOST", "SYSTEMD_ENABLED",
            "DDFS_SPACE_AWARE", "DDFS_ABSOLUTE_SPACE", "DDFS_PARANOID_DELETE", "DDFS_GC_INITIAL_WAIT",
            "DDFS_GC_BALANCE_THRESHOLD", "DISCO_SETTINGS", "DISCO_SETTINGS_FILE");

    private static final Optional<Path> NICE = findNice();

    private WorkerProcess() {
    }

    /** Starts the worker of {@code job}. */
    public static Process start(JobSetup job, boolean nice) throws IOException {
        return start(job, nice, Map.of());
    }

    /**
     * Starts the worker of {@code job} with {@code extra} added to its environment after the
     * jobenvs: the local master's own settings for jdisco workers ({@code JDISCO_WORKER_REUSE}).
     */
    static Process start(JobSetup job, boolean nice, Map<String, String> extra) throws IOException {
        List<String> command = new ArrayList<>();
        if (nice && NICE.isPresent()) {
            command.add(NICE.get().toString());
            command.add("-n");
            command.add("19");
        }
        command.add(job.jobHome().resolve(job.worker()).toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(job.jobHome().toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        Map<String, String> workerEnv = environment(env, job.jobenvs());
        env.clear();
        env.putAll(workerEnv);
        env.putAll(extra);
        return startRetryingBusy(pb);
    }

    /** How often a start refused with "Text file busy" is tried again, and the first pause (doubled each time). */
    private static final int BUSY_ATTEMPTS = 6;
    private static final long BUSY_PAUSE_MILLIS = 5;

    /**
     * Starts {@code pb}, trying again a few times, with growing pauses (5 ms to 160 ms), when the
     * kernel refuses the exec with {@code ETXTBSY} ("Text file busy"): a launcher another job's home
     * has just written can still be open for writing in a child this JVM forked at that moment for
     * a third worker, until that child's own exec closes it. The race is the kernel's and lasts
     * microseconds; any other failure is thrown at once.
     */
    static Process startRetryingBusy(ProcessBuilder pb) throws IOException {
        long pause = BUSY_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return pb.start();
            } catch (IOException e) {
                String m = e.getMessage();
                if (attempt >= BUSY_ATTEMPTS || m == null || !m.contains("error=26")) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while starting a worker");
            }
            pause *= 2;
        }
    }

    /**
     * A worker's environment (SPEC §1.2 item 5): {@code base} without the Disco settings (the known
     * ones and those {@code DISCO_SETTINGS} lists), then {@code jobenvs} added. Also what an
     * in-process worker sees in place of the process environment.
     */
    public static Map<String, String> environment(Map<String, String> base, Map<String, String> jobenvs) {
        Map<String, String> env = new LinkedHashMap<>(base);
        String listed = env.get("DISCO_SETTINGS");
        if (listed != null) {
            for (String name : listed.split(",")) {
                env.remove(name.trim());
            }
        }
        env.keySet().removeAll(DISCO_SETTINGS);
        env.putAll(jobenvs);
        return env;
    }

    /**
     * Kills {@code process}, its descendants, and the announced worker pid if it is one of them
     * (never an unrelated process, never this JVM: an in-process worker announces this JVM's pid),
     * with SIGKILL.
     */
    public static void kill(Process process, long announcedPid) {
        ProcessHandle root = process.toHandle();
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(root);
        root.descendants().forEach(victims::add);
        if (announcedPid > 0 && announcedPid != root.pid() && announcedPid != self) {
            Optional<ProcessHandle> announced = ProcessHandle.of(announcedPid);
            if (announced.isPresent() && victims.stream().anyMatch(h -> h.pid() == announcedPid)) {
                announced.get().descendants().forEach(victims::add);
            }
        }
        for (ProcessHandle h : victims) {
            if (h.pid() != self) {
                h.destroyForcibly();
            }
        }
    }

    private static Optional<Path> findNice() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path p = Path.of(dir, "nice");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * How {@code process} ended, as {@code exit code: N}, after its output ended: a process still
     * alive after 2 s is killed with its descendants, -1 if it will not die.
     */
    static String exitStatus(Process process) {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill(process, -1);
                process.waitFor(2, TimeUnit.SECONDS);
            }
            return "exit code: " + (process.isAlive() ? -1 : process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "exit code: -1";
        }
    }
}
