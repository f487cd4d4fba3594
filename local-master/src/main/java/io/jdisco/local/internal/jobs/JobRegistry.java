package io.jdisco.local.internal.jobs;

import io.jdisco.local.internal.coordination.JobCoordinator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs the master knows, by name, with the job naming rule of SPEC §3.9 and a wait for
 * status changes that serves {@code get_results}' long poll without polling; the coordinators of
 * the running ones. A new name never equals a known one, restored jobs included. Thread-safe.
 */
public final class JobRegistry {
    private final Map<String, JobRecord> jobs = new LinkedHashMap<>();
    private final Map<String, JobCoordinator> coordinators = new LinkedHashMap<>();
    private long lastMicros;

    /**
     * A fresh name {@code <prefix>@<MegaSecs>:<Secs>:<MicroSecs>}, each part lower-case hex without
     * padding (e.g. {@code WordCount@5a2:1b3c4:9d2e1}); reserved until {@link #add} or forever.
     */
    public synchronized String newName(String prefix) {
        Instant now = Instant.now();
        long micros = Math.max(lastMicros + 1, now.getEpochSecond() * 1_000_000L + now.getNano() / 1000);
        String name;
        do {
            long secs = micros / 1_000_000L;
            name = prefix + "@" + Long.toHexString(secs / 1_000_000L) + ":" + Long.toHexString(secs % 1_000_000L)
                    + ":" + Long.toHexString(micros % 1_000_000L);
            micros++;
        } while (jobs.containsKey(name));
        lastMicros = micros - 1;
        return name;
    }

    /** Registers a job and its coordinator. */
    public synchronized void add(JobRecord job, JobCoordinator coordinator) {
        jobs.put(job.name(), job);
        coordinators.put(job.name(), coordinator);
    }

    /** Registers a job restored from its record: it has no coordinator. */
    public synchronized void restore(JobRecord job) {
        jobs.put(job.name(), job);
    }

    /** Forgets the coordinator of job {@code name}: it has ended (the job stays). */
    public synchronized void ended(String name) {
        coordinators.remove(name);
    }

    /** The job called {@code name}. */
    public synchronized Optional<JobRecord> get(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /** The coordinator of job {@code name}, while it runs. */
    public synchronized Optional<JobCoordinator> coordinator(String name) {
        return Optional.ofNullable(coordinators.get(name));
    }

    /** Forgets job {@code name}. */
    public synchronized void remove(String name) {
        jobs.remove(name);
        coordinators.remove(name);
        notifyAll();
    }

    /** Every job, newest first. */
    public synchronized List<JobRecord> newestFirst() {
        List<JobRecord> out = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(out);
        return out;
    }

    /** Every coordinator (to kill all jobs on close). */
    public synchronized List<JobCoordinator> coordinators() {
        return new ArrayList<>(coordinators.values());
    }

    /** Wakes up {@link #awaitChange} callers: a job's status changed. */
    public synchronized void changed() {
        notifyAll();
    }

    /**
     * Waits up to {@code timeoutMillis} until one of the jobs in {@code names} that is active now
     * is no longer active (or forgotten); returns at once when none is active.
     */
    public synchronized void awaitChange(Collection<String> names, long timeoutMillis) throws InterruptedException {
        List<JobRecord> active = new ArrayList<>();
        for (String n : names) {
            JobRecord j = jobs.get(n);
            if (j != null && j.status() == JobRecord.Status.ACTIVE) {
                active.add(j);
            }
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!active.isEmpty()) {
            for (JobRecord j : active) {
                if (j.status() != JobRecord.Status.ACTIVE || jobs.get(j.name()) != j) {
                    return;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }
}
