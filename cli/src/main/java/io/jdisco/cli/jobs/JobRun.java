package io.jdisco.cli.jobs;

import io.jdisco.cli.Console;
import io.jdisco.cli.MasterConnection;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.worker.JobException;
import io.jdisco.worker.KeyValue;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.typed.MapReduceJob;
import io.jdisco.worker.classic.typed.Results;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.Job;
import io.jdisco.worker.core.client.RunningJob;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a job for a command: submit, show progress, wait, and read every result record (Disco's
 * internal format) into memory for the command to sort and print. On a remote {@code jdisco
 * master}, the job's status page is named at the start ({@link StatusPage}); the embedded master
 * lives only as long as the command, so its pages are not.
 */
public final class JobRun {
    private JobRun() {
    }

    /**
     * The results of the typed {@code job} run on {@code master}, decoded by its codecs.
     *
     * @throws JobException when the job fails, with the event that explains it (its first FATAL, see JobFailureCause), after the failed task's last events are printed
     */
    public static <K, V> List<KeyValue<K, V>> pairs(MapReduceJob<K, V> job, MasterConnection master, Console console)
            throws IOException, InterruptedException {
        List<KeyValue<K, V>> pairs = new ArrayList<>();
        forEachPair(job, master, console, Map.of(), pairs::add);
        return pairs;
    }

    /**
     * As {@link #pairs}, with {@code jobenvs} added to the environment of the job's workers (over
     * the job's own {@code jobenvs} of the same names), and each result pair given to {@code sink}
     * as it is read instead of kept in a list.
     */
    public static <K, V> void forEachPair(MapReduceJob<K, V> job, MasterConnection master, Console console,
            Map<String, String> jobenvs, Consumer<KeyValue<K, V>> sink) throws IOException, InterruptedException {
        List<List<String>> urls = results(job.classicJob(), master, console, jobenvs);
        try (Results<K, V> results = new Results<>(urls, master.readContext(), job.keyCodec(), job.valueCodec())) {
            results.forEach(sink);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The result URLs (one list of replicas per result) of {@code job} run on {@code master}.
     *
     * @throws JobException when the job fails, with the event that explains it (its first FATAL, see JobFailureCause), after the failed task's last events are printed
     */
    public static List<List<String>> results(ClassicJob job, MasterConnection master, Console console)
            throws IOException, InterruptedException {
        return results(job, master, console, Map.of());
    }

    private static List<List<String>> results(ClassicJob job, MasterConnection master, Console console,
            Map<String, String> jobenvs) throws IOException, InterruptedException {
        // The pack first: an embedded master is starting meanwhile (disco() waits for it).
        JobPack jobPack = pack(job, master.embedded(), jobenvs);
        byte[] pack = jobPack.encode();
        Disco disco = master.disco();
        RunningJob running = new RunningJob(disco, disco.submit(pack));
        console.err().println("job " + running.name() + " on " + disco.master()
                + master.embeddedWorkers().map(w -> " (embedded local master, workers on "
                        + describe(w) + ")").orElse(""));
        if (!master.embedded()) {
            StatusPage.probe(disco.master(), running.name()).ifPresent(page -> console.err().println("status page: "
                    + page));
        }
        Progress progress = Progress.start(disco, running.name(), console,
                StageTotals.of(jobPack.jobdict(), master.embedded()));
        List<List<String>> results;
        try {
            results = running.waitFor();
        } catch (JobException e) { // the job died: tell why while its master still has its log
            progress.finish("failed");
            if (e.getMessage().contains("Status dead")) {
                FailureReport.print(disco, running.name(), console);
            }
            throw e;
        } catch (IOException e) { // the master is unreachable
            progress.finish("failed", false);
            throw e;
        }
        progress.finish("done");
        printCounters(running, console);
        return results;
    }

    /**
     * The job pack of {@code job}, with {@code jobenvs} over its own. For an {@code embedded}
     * master, which runs on this machine, the job home names the runtime jar by its path instead
     * of carrying its 6 MB ({@code WorkerJobHome.Runtime.LOCAL}).
     */
    static JobPack pack(ClassicJob job, boolean embedded, Map<String, String> jobenvs) throws IOException {
        Job submitted = Job.of(job.worker()).named(job.name());
        if (embedded) {
            submitted = submitted.withLocalRuntime();
        }
        if (jobenvs.isEmpty()) {
            return submitted.pack(Map.of());
        }
        Map<String, Object> envs = new LinkedHashMap<>();
        Object own = job.worker().getItem("jobenvs", null, null, null);
        if (own instanceof Map<?, ?> map) {
            map.forEach((k, v) -> envs.put(String.valueOf(k), v));
        }
        envs.putAll(jobenvs);
        return submitted.pack(Map.of("jobenvs", envs));
    }

    /** The job's counter totals on standard error, one line, when it counted anything. */
    private static void printCounters(RunningJob running, Console console) throws IOException, InterruptedException {
        Map<String, Long> totals = running.counters().totals();
        if (!totals.isEmpty()) {
            StringBuilder line = new StringBuilder("counters:");
            totals.forEach((name, n) -> line.append(' ').append(name).append('=').append(n));
            console.err().println(line);
        }
    }

    /** The words after "workers on" in the job line. */
    private static String describe(LocalMasterConfig.WorkerMode mode) {
        switch (mode) {
            case THREADS:
                return "threads";
            case REUSED_PROCESSES:
                return "reused processes";
            default:
                return "processes";
        }
    }
}
