package io.jdisco.cli.jobs;

import io.jdisco.cli.Console;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.schemes.part.PartUrl;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JIT of the worker processes for a job whose map tasks each read much local data, or very
 * little: {@value #C2_ONLY} or {@value #C1_ONLY}, through the job's environment ({@code jobenvs},
 * which the worker launcher reads as {@code JDISCO_JAVA_OPTS}). A worker JVM's tiered JIT first compiles every
 * warm method with C1 and a profile, then again with C2. Without the first stage, the 1 GiB word
 * count in two 512 MiB parts took 14.13 -> 13.82 s (6 pairs; CPU 26.6 -> 25.8 s, the workers 18 MB
 * smaller), over 17 files of 64 MiB 16.01 -> 15.16 s (3 pairs; CPU 30.7 -> 29.2 s), while 10,000
 * tasks of 4 KB on reused workers were slower (30.2 -> 33.7 s, 2 pairs): their code stays warm, not
 * hot, for long, and C1 compiles it sooner (bench/README.md). So only jobs whose
 * map tasks read at least {@link #BIG_TASK_BYTES} on average get it, on the embedded master.
 *
 * <p>Those many small tasks go further with C1 alone: their reused workers' C2 threads took a
 * quarter of the CPU, compiling methods that the next task's other paths made not entrant again;
 * 10,000 inputs of 4 KB on a {@code jdisco master --workers reused} took 24.31 -> 19.95 s with
 * {@value #C1_ONLY} (3 pairs). So a job whose map tasks read at most {@link #SMALL_TASK_BYTES}
 * on average and {@link #SMALL_JOB_BYTES} in all gets it, on the embedded master's processes and
 * on a remote master alike (its workers read the job's environment too). Never over options the
 * user gave the workers ({@code JDISCO_JAVA_OPTS} set), on threads (no worker JVM), or when an
 * input is not a local file of known size.
 */
final class WorkerJit {
    /** The average local bytes per map task from which the workers skip the tiered JIT. */
    static final long BIG_TASK_BYTES = 32L << 20;
    /**
     * The worker JVM options for those jobs: C2 only, and a method compiled after 2,000 calls
     * (or loop turns) instead of 10,000, so that a worker's start-up code (the protocol, the job
     * home, opening the input) spends less time interpreted: 1 GiB in two parts 11.94 -> 11.02 s,
     * CPU 22.5 -> 20.7 s (7 pairs).
     */
    static final String C2_ONLY = "-XX:-TieredCompilation -XX:CompileThreshold=2000";
    /** The average local bytes per map task up to which the workers compile with C1 alone. */
    static final long SMALL_TASK_BYTES = 256L << 10;
    /** The local bytes of all map tasks up to which small tasks' workers compile with C1 alone. */
    static final long SMALL_JOB_BYTES = 256L << 20;
    /** The worker JVM options for jobs of many small map tasks: C1 only. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private WorkerJit() {
    }

    /**
     * The environment to add to a job whose map tasks read {@code mapInputs} (URLs, one per map
     * task) on a master whose workers {@code embedded} names (empty: a remote master): empty, or
     * {@code JDISCO_JAVA_OPTS=}{@value #C2_ONLY} or {@value #C1_ONLY}.
     */
    static Map<String, String> jobenvs(Optional<WorkerMode> embedded, List<String> mapInputs, Console console) {
        Objects.requireNonNull(embedded, "embedded");
        Objects.requireNonNull(mapInputs, "mapInputs");
        String userOptions = console.env(WorkerChoice.JAVA_OPTS_VARIABLE);
        if (embedded.isPresent() && embedded.get() == WorkerMode.THREADS || mapInputs.isEmpty()
                || userOptions != null && !userOptions.isBlank()) {
            return Map.of();
        }
        long total = 0;
        for (String url : mapInputs) {
            long bytes = localBytes(url);
            if (bytes < 0 || total + bytes < 0) {
                return Map.of(); // not a local file, or of unknown size: keep the default JIT
            }
            total += bytes;
        }
        long average = total / mapInputs.size();
        if (average >= BIG_TASK_BYTES && embedded.isPresent()) {
            return Map.of(WorkerChoice.JAVA_OPTS_VARIABLE, C2_ONLY);
        }
        if (average <= SMALL_TASK_BYTES && total <= SMALL_JOB_BYTES) {
            return Map.of(WorkerChoice.JAVA_OPTS_VARIABLE, C1_ONLY);
        }
        return Map.of();
    }

    /** The bytes of text a map task reads from {@code url}, or -1 when it is not local or unknown. */
    private static long localBytes(String url) {
        if (url.startsWith(PartUrl.PREFIX)) {
            try {
                PartUrl part = PartUrl.parse(url);
                return part.end() - part.start();
            } catch (IllegalArgumentException e) {
                return -1; // the task names the URL when it cannot read it
            }
        }
        long bytes = WorkerChoice.textBytes(url);
        return bytes == Long.MAX_VALUE ? -1 : bytes;
    }
}
