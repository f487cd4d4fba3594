package io.jdisco.worker.core.client.internal;

import io.jdisco.worker.CommException;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.JobEvent;
import io.jdisco.worker.core.client.JobFailureCause;
import io.jdisco.worker.core.client.JobPolling;
import io.jdisco.worker.core.client.JobResults;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.client.MasterUnreachableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Waits for a job to finish by polling {@code get_results} (SPEC §11.2 {@code wait}) with a
 * growing interval.
 *
 * <p>Each round asks the master to hold the request up to the current interval (the master
 * answers as soon as the job ends, so a long hold costs no latency); if the answer came sooner
 * and the job is still active, the rest of the interval is slept, so a master that answers at
 * once is not hammered. The interval starts at {@code pollInterval} and doubles each round up to
 * {@value #MAX_GROWTH} times that. As in Disco, an HTTP error counts as "still active" until the
 * timeout.
 *
 * <p>A master that does not answer at all (connection refused or reset, request timed out: a
 * {@link MasterUnreachableException}) is asked again every {@value #RETRY_MILLIS} ms; once it has
 * not answered for {@link #UNREACHABLE_AFTER} since its last answer, the wait fails with a
 * {@link MasterUnreachableException} — a killed master is noticed within about that time, a hung
 * one within that time or one poll's hold plus {@link HttpTransport#LONG_POLL_MARGIN}, whichever
 * is longer (at most 26 s with the default poll interval).
 */
public final class JobWaiter {
    /** The interval grows to at most this multiple of the initial poll interval. */
    public static final int MAX_GROWTH = 8;
    /** How long the master may stay unreachable before a wait gives up: 20 s. */
    public static final Duration UNREACHABLE_AFTER = Duration.ofSeconds(20);
    /** The pause between requests to a master that did not answer. */
    public static final long RETRY_MILLIS = 1000;

    private final JobPolling disco;
    private final Duration unreachableAfter;

    /** A waiter asking {@code disco}, giving up after the master was unreachable for {@link #UNREACHABLE_AFTER}. */
    public JobWaiter(JobPolling disco) {
        this(disco, UNREACHABLE_AFTER);
    }

    /** A waiter asking {@code disco}, giving up after the master was unreachable for {@code unreachableAfter}. */
    public JobWaiter(JobPolling disco, Duration unreachableAfter) {
        this.disco = Objects.requireNonNull(disco, "disco");
        this.unreachableAfter = Objects.requireNonNull(unreachableAfter, "unreachableAfter");
        if (unreachableAfter.isNegative() || unreachableAfter.isZero()) {
            throw new IllegalArgumentException("unreachableAfter must be positive, got " + unreachableAfter);
        }
    }

    /**
     * The results of job {@code name} once it is ready.
     *
     * @param timeout how long to wait in all, or {@code null} for no limit
     * @throws JobException when the job is dead (with the event that explains it, {@link JobFailureCause},
     *     without its stack trace), unknown, or not finished within {@code timeout} ({@code "Timeout"})
     * @throws MasterUnreachableException when the master did not answer for the unreachable bound
     */
    public List<List<String>> await(String name, Duration pollInterval, Duration timeout)
            throws IOException, InterruptedException {
        Deadline deadline = new Deadline(timeout);
        long interval = Math.max(1, pollInterval.toMillis());
        long maxInterval = interval * MAX_GROWTH;
        CommException lastCommError = null;
        long lastAnswer = System.nanoTime();
        boolean unanswered = false;
        while (true) {
            long roundStart = System.nanoTime();
            long wait = Math.max(1, Math.min(unanswered ? RETRY_MILLIS : interval, deadline.millisLeft()));
            JobStatus status;
            JobResults results = null;
            try {
                results = disco.results(name, wait);
                status = results.status();
                lastAnswer = System.nanoTime();
                unanswered = false;
            } catch (MasterUnreachableException e) {
                lastCommError = e;
                unanswered = true;
                long silent = System.nanoTime() - lastAnswer;
                if (silent >= unreachableAfter.toNanos()) {
                    throw new MasterUnreachableException(disco.master().toString(), e.url(), "no answer for "
                            + String.format(Locale.ROOT, "%.1f", silent / 1e9) + " s while waiting for job " + name + " (" + cause(e) + ")", e);
                }
                status = JobStatus.ACTIVE;
            } catch (CommException e) {
                lastCommError = e;
                lastAnswer = System.nanoTime();
                unanswered = false;
                status = JobStatus.ACTIVE;
            }
            switch (status) {
                case READY:
                    return results.results();
                case DEAD:
                    throw dead(name);
                case UNKNOWN:
                    throw new JobException(name, "Status " + JobStatus.UNKNOWN.wireName());
                default:
                    break;
            }
            if (deadline.passed()) {
                throw new JobException(name, "Timeout", lastCommError);
            }
            long rest = (unanswered ? RETRY_MILLIS : wait) - (System.nanoTime() - roundStart) / 1_000_000;
            if (rest > 0) {
                Thread.sleep(Math.min(rest, Math.max(0, deadline.millisLeft())));
            }
            if (!unanswered) {
                interval = Math.min(interval * 2, maxInterval);
            }
        }
    }

    /** What the transport said, without the master's URL the message repeats. */
    private static String cause(MasterUnreachableException e) {
        return e.getCause() != null ? e.getCause().toString() : e.getMessage();
    }

    private JobException dead(String name) throws InterruptedException {
        try {
            List<JobEvent> events = disco.events(name, 0).events();
            return JobFailureCause.of(events)
                    .map(cause -> new JobException(name, "Status dead: " + cause.summary()))
                    .orElseGet(() -> new JobException(name, "Status dead (no FATAL or ERROR event in its log)"));
        } catch (IOException e) {
            JobException failure = new JobException(name, "Status dead (its event log could"
                    + " not be read: " + e.getMessage() + ")");
            failure.addSuppressed(e);
            return failure;
        }
    }

    /** The end of the wait, or none. */
    private static final class Deadline {
        private final boolean bounded;
        private final long endNanos;

        Deadline(Duration timeout) {
            this.bounded = timeout != null;
            this.endNanos = bounded ? System.nanoTime() + timeout.toNanos() : 0;
        }

        boolean passed() {
            return bounded && System.nanoTime() - endNanos >= 0;
        }

        long millisLeft() {
            return bounded ? (endNanos - System.nanoTime()) / 1_000_000 : Long.MAX_VALUE;
        }
    }
}
