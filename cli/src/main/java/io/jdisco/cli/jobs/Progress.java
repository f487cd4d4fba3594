package io.jdisco.cli.jobs;

import io.jdisco.cli.Console;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobInfo;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.client.StageProgress;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Shows a running job's progress on standard error: tasks done/total per stage and the elapsed
 * time, polled from the master's {@code jobinfo} every {@value #POLL_MILLIS} ms on a daemon
 * thread. On a terminal one line is redrawn in place ({@code \r}); otherwise a plain line is
 * printed only when the counts change. A stage the master has not started yet shows the total
 * the job's description promises ({@link StageTotals}). {@link #finish} stops it, shows the
 * counts the job ended with and prints the total time.
 */
public final class Progress {
    /** The poll interval. */
    public static final long POLL_MILLIS = 400;

    private final Disco disco;
    private final String job;
    private final Console console;
    private final StageTotals expected;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private String lastCounts = "";
    private int lastWidth;

    private Progress(Disco disco, String job, Console console, StageTotals expected) {
        this.disco = disco;
        this.job = job;
        this.console = console;
        this.expected = expected;
        this.thread = new Thread(this::poll, "jdisco-progress");
        thread.setDaemon(true);
    }

    /** Starts showing the progress of {@code job}, no stage's total known before the master starts it. */
    public static Progress start(Disco disco, String job, Console console) {
        return start(disco, job, console, StageTotals.none());
    }

    /** Starts showing the progress of {@code job}, whose stages have the {@code expected} totals. */
    static Progress start(Disco disco, String job, Console console, StageTotals expected) {
        Progress p = new Progress(disco, job, console, Objects.requireNonNull(expected, "expected"));
        p.thread.start();
        return p;
    }

    /**
     * Stops polling, shows the job's counts as they ended (a job done shows every stage complete,
     * not the last poll's counts), and prints {@code "<job> <outcome> in <seconds> s"}.
     */
    public void finish(String outcome) throws InterruptedException {
        finish(outcome, true);
    }

    /**
     * {@link #finish(String)}, asking the master for the final counts only when {@code askMaster}:
     * not for a master that stopped answering, which would only delay the error.
     */
    public void finish(String outcome, boolean askMaster) throws InterruptedException {
        stop.countDown();
        thread.join(5000);
        JobInfo last = null;
        if (askMaster) {
            try {
                last = disco.jobInfo(job);
            } catch (java.io.IOException e) {
                // the end's counts are missed; the outcome line follows all the same
            }
        }
        synchronized (this) {
            if (last != null) {
                draw(counts(last, expected));
                if (console.terminal()) {
                    console.err().print("\n"); // the final counts stay on the screen
                    lastWidth = 0;
                }
            }
            String line = job + " " + outcome + " in " + seconds() + " s";
            if (console.terminal()) {
                console.err().print("\r" + pad(line) + "\n");
            } else {
                console.err().println(line);
            }
            console.err().flush();
        }
    }

    private void poll() {
        try {
            do {
                try {
                    show(disco.jobInfo(job));
                } catch (java.io.IOException e) {
                    // a missed poll only delays the display; the job's outcome comes from waiting
                }
            } while (!stop.await(POLL_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void show(JobInfo info) {
        if (stop.getCount() == 0) {
            return;
        }
        draw(counts(info, expected));
    }

    /** Shows {@code counts}: redrawn on a terminal, else printed when they changed. */
    private void draw(String counts) {
        if (console.terminal()) {
            console.err().print("\r" + pad(counts + "  " + seconds() + " s"));
        } else if (!counts.equals(lastCounts)) {
            console.err().println(counts + "  " + seconds() + " s");
        }
        console.err().flush();
        lastCounts = counts;
    }

    /** {@code "map 2/3  reduce 0/1 (1 failed)"}: done/total per stage. */
    static String counts(JobInfo info) {
        return counts(info, StageTotals.none());
    }

    /**
     * {@code "map 2/3  reduce 0/1 (1 failed)"}: done/total per stage; a stage the master has not
     * started yet (no tasks) shows its {@code expected} total, or {@code ?} when that is unknown.
     */
    static String counts(JobInfo info, StageTotals expected) {
        StringBuilder b = new StringBuilder();
        for (StageProgress s : info.pipeline()) {
            long total = s.pending() + s.waiting() + s.running() + s.done();
            if (b.length() > 0) {
                b.append("  ");
            }
            b.append(s.stage()).append(' ').append(s.done()).append('/');
            if (total == 0 && expected.of(s.stage()).isEmpty() && info.status() == JobStatus.ACTIVE) {
                b.append('?');
            } else {
                b.append(total == 0 ? expected.of(s.stage()).orElse(0) : total);
            }
            if (s.failed() > 0) {
                b.append(" (").append(s.failed()).append(" failed)");
            }
        }
        return b.length() == 0 ? info.statusText() : b.toString();
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    /** {@code line} padded with spaces to cover what the previous redraw wrote. */
    private String pad(String line) {
        int width = lastWidth;
        lastWidth = line.length();
        return line.length() >= width ? line : line + " ".repeat(width - line.length());
    }
}
