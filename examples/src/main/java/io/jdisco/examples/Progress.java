package io.jdisco.examples;

import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobInfo;
import io.jdisco.worker.core.client.StageProgress;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Shows a running job's progress on standard error: tasks done/total per stage and the elapsed
 * time, polled from the master's {@code jobinfo} every {@value #POLL_MILLIS} ms on a daemon
 * thread. On a terminal one line is redrawn in place ({@code \r}); otherwise a plain line is
 * printed only when the counts change. {@link #finish} stops it and prints the total time.
 */
public final class Progress {
    /** The poll interval. */
    public static final long POLL_MILLIS = 400;

    private final Disco disco;
    private final String job;
    private final Console console;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private String lastCounts = "";
    private int lastWidth;

    private Progress(Disco disco, String job, Console console) {
        this.disco = disco;
        this.job = job;
        this.console = console;
        this.thread = new Thread(this::poll, "jdisco-progress");
        thread.setDaemon(true);
    }

    /** Starts showing the progress of {@code job}. */
    public static Progress start(Disco disco, String job, Console console) {
        Progress p = new Progress(disco, job, console);
        p.thread.start();
        return p;
    }

    /** Stops polling and prints {@code "<job> <outcome> in <seconds> s"}. */
    public void finish(String outcome) throws InterruptedException {
        stop.countDown();
        thread.join(5000);
        synchronized (this) {
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
        String counts = counts(info);
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
        StringBuilder b = new StringBuilder();
        for (StageProgress s : info.pipeline()) {
            long total = s.pending() + s.waiting() + s.running() + s.done();
            if (b.length() > 0) {
                b.append("  ");
            }
            b.append(s.stage()).append(' ').append(s.done()).append('/').append(total);
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
