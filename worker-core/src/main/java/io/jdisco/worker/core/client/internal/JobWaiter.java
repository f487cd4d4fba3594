package io.jdisco.worker.core.client.internal;

import io.jdisco.worker.CommException;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobEvent;
import io.jdisco.worker.core.client.JobResults;
import io.jdisco.worker.core.client.JobStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Waits for a job to finish by polling {@code get_results} (SPEC §11.2 {@code wait}) with a
 * growing interval.
 *
 * <p>Each round asks the master to hold the request up to the current interval (the master
 * answers as soon as the job ends, so a long hold costs no latency); if the answer came sooner
 * and the job is still active, the rest of the interval is slept, so a master that answers at
 * once, or cannot be reached, is not hammered. The interval starts at {@code pollInterval} and
 * doubles each round up to {@value #MAX_GROWTH} times that. As in Disco, a
 * {@link CommException} counts as "still active" until the timeout.
 */
public final class JobWaiter {
    /** The interval grows to at most this multiple of the initial poll interval. */
    public static final int MAX_GROWTH = 8;

    private final Disco disco;

    /** A waiter asking {@code disco}. */
    public JobWaiter(Disco disco) {
        this.disco = disco;
    }

    /**
     * The results of job {@code name} once it is ready.
     *
     * @param timeout how long to wait in all, or {@code null} for no limit
     * @throws JobException when the job is dead (with its last FATAL/ERROR event), unknown, or
     *     not finished within {@code timeout} ({@code "Timeout"})
     */
    public List<List<String>> await(String name, Duration pollInterval, Duration timeout)
            throws IOException, InterruptedException {
        Deadline deadline = new Deadline(timeout);
        long interval = Math.max(1, pollInterval.toMillis());
        long maxInterval = interval * MAX_GROWTH;
        CommException lastCommError = null;
        while (true) {
            long roundStart = System.nanoTime();
            long wait = Math.max(1, Math.min(interval, deadline.millisLeft()));
            JobStatus status;
            JobResults results = null;
            try {
                results = disco.results(name, wait);
                status = results.status();
            } catch (CommException e) {
                lastCommError = e;
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
            long rest = wait - (System.nanoTime() - roundStart) / 1_000_000;
            if (rest > 0) {
                Thread.sleep(Math.min(rest, Math.max(0, deadline.millisLeft())));
            }
            interval = Math.min(interval * 2, maxInterval);
        }
    }

    private JobException dead(String name) throws InterruptedException {
        try {
            List<JobEvent> events = disco.events(name, 0).events();
            for (int i = events.size() - 1; i >= 0; i--) {
                if (events.get(i).isFailure()) {
                    return new JobException(name, "Status dead: " + events.get(i).message());
                }
            }
            return new JobException(name, "Status dead (no FATAL or ERROR event in its log)");
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
