package io.jdisco.local.internal.session;

import io.jdisco.local.internal.files.PartialFiles;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.pipeline.TaskRun;
import io.jdisco.local.internal.workers.JobSetup;
import io.jdisco.local.internal.workers.JobWorkers;
import io.jdisco.local.internal.workers.WorkerHandle;
import io.jdisco.worker.core.protocol.wire.Frame;
import io.jdisco.worker.core.protocol.wire.FrameException;
import io.jdisco.worker.core.protocol.wire.FrameParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One attempt of one task: starts the worker (a process, or a thread in the in-process mode, see
 * {@link JobWorkers}) and speaks the master's side of the protocol over its stdin and merged
 * stdout/stderr (SPEC §2), until {@code DONE}, {@code ERROR}, {@code FATAL}, a crash, a framing
 * error, a timer, or {@link #stop}. The worker (a process with its descendants) is killed at the
 * end, whatever happened (SPEC §1.3), except that a reused worker process goes back to its job's
 * pool after {@code DONE} ({@link WorkerHandle#end}).
 *
 * <p>Framing follows the master's parser ({@link FrameParser}); after a framing error the session
 * collects "last words" for up to {@code lastWordsTimeout} or 100 KiB (SPEC §2.1.3). Timers (SPEC
 * §2.5) are checked by a watchdog on the node's timer thread; one that fires kills the worker,
 * which ends the read loop. Besides the protocol's timers, the task timeout ({@code idleTimeout})
 * kills a worker that has sent nothing for that long (stopped, hung, deadlocked), and the optional
 * whole-attempt limit ({@code taskTimeout}) one that runs too long. A worker thread is handled exactly like a process: the same bytes,
 * parser, rate limiter, timers and retries.
 */
public final class MasterSession {
    /** The most "last words" kept after a framing error. */
    static final int LAST_WORDS_MAX = 100 * 1024;

    private final NodeContext node;
    private final JobSetup job;
    private final TaskRun task;
    private final JobWorkers workers;
    private final AtomicReference<AttemptOutcome> stopped = new AtomicReference<>();
    private volatile WorkerHandle worker;
    private volatile long lastDataNanos;
    /** When the worker last sent bytes or the master last finished answering it: the idle timer's start. */
    private volatile long lastActivityNanos;
    /** When the session last started waiting for the worker's bytes; -1 while it is busy answering. */
    private volatile long waitingSinceNanos = -1;
    private volatile boolean gotData;
    private volatile boolean partialFrame;
    private volatile long lastWordsSince = -1;
    private final long startNanos = System.nanoTime();

    /** A session for one attempt of {@code task}, whose worker {@code workers} starts. */
    public MasterSession(NodeContext node, JobSetup job, TaskRun task, JobWorkers workers) {
        this.node = node;
        this.job = job;
        this.task = task;
        this.workers = workers;
    }

    /** Stops the attempt (job killed, master closing): the worker is killed and the run ends {@code Stopped}. */
    public void stop(String reason) {
        stopped.compareAndSet(null, new AttemptOutcome.Stopped(reason));
        killWorker();
    }

    /** Runs the attempt to its end. */
    public AttemptOutcome run() {
        SessionHandler handler = new SessionHandler(node, job, task);
        if (stopped.get() != null) {
            return stopped.get();
        }
        try {
            worker = workers.start(task);
        } catch (IOException e) {
            return new AttemptOutcome.Failed(false, "Worker could not be started: " + e.getMessage());
        }
        if (stopped.get() != null) {
            killWorker();
            return stopped.get();
        }
        lastDataNanos = System.nanoTime();
        lastActivityNanos = lastDataNanos;
        ScheduledFuture<?> watchdog = node.timers().scheduleAtFixedRate(this::checkTimers, 50, 50,
                TimeUnit.MILLISECONDS);
        AttemptOutcome outcome = null;
        try {
            outcome = converse(handler);
        } catch (RuntimeException e) {
            outcome = new AttemptOutcome.Failed(false, "Master error in the worker session: " + e);
        } finally {
            watchdog.cancel(false);
            worker.end(outcome instanceof AttemptOutcome.Done && stopped.get() == null, handler.announcedPid());
        }
        AttemptOutcome stop = stopped.get();
        if (stop instanceof AttemptOutcome.Stopped && !(outcome instanceof AttemptOutcome.Done)) {
            outcome = stop;
        }
        if (!(outcome instanceof AttemptOutcome.Done)) {
            handler.discard();
            discardPartials();
        }
        return outcome;
    }

    /** Deletes the {@code .partial} files this failed attempt's worker left in its task directory. */
    private void discardPartials() {
        try {
            PartialFiles.deleteTask(job.jobHome(), task.stage(), task.taskid());
        } catch (IOException | RuntimeException e) {
            job.events().task(node.layout().host(), "WARNING", task.stage(), task.taskid(),
                    "The partial files of the failed attempt could not be deleted: " + e);
        }
    }

    private AttemptOutcome converse(SessionHandler handler) {
        InputStream in = worker.fromWorker();
        OutputStream out = worker.toWorker();
        byte[] buf = new byte[8192];
        int len = 0;
        long offset = 0;
        while (true) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, FrameParser.MAX_MESSAGE_LENGTH + 64));
            }
            int n;
            waitingSinceNanos = System.nanoTime();
            try {
                n = in.read(buf, len, buf.length - len);
            } catch (IOException e) {
                n = -1;
            }
            waitingSinceNanos = -1;
            if (n < 0) {
                return ended();
            }
            lastDataNanos = System.nanoTime();
            lastActivityNanos = lastDataNanos;
            gotData = true;
            len += n;
            while (true) {
                FrameParser.Result r;
                try {
                    r = FrameParser.parse(buf, len, offset);
                } catch (FrameException e) {
                    return lastWords(e, Arrays.copyOf(buf, len), in);
                }
                if (r.frame() == null) {
                    partialFrame = len > 0;
                    break;
                }
                Frame frame = r.frame();
                System.arraycopy(buf, r.consumed(), buf, 0, len - r.consumed());
                len -= r.consumed();
                offset += r.consumed();
                partialFrame = len > 0;
                AttemptOutcome end = handler.handle(frame, lastDataNanos, out);
                lastActivityNanos = System.nanoTime();
                if (end != null) {
                    return end;
                }
                if (stopped.get() != null) {
                    return stopped.get();
                }
            }
        }
    }

    /** The worker's output ended without DONE/ERROR/FATAL. */
    private AttemptOutcome ended() {
        AttemptOutcome stop = stopped.get();
        if (stop != null) {
            return stop;
        }
        return new AttemptOutcome.Failed(false, "Worker crashed! (" + worker.exitStatus() + ")");
    }

    /** SPEC §2.1.3: log the parse error, then collect what the worker still says. */
    private AttemptOutcome lastWords(FrameException e, byte[] unparsed, InputStream in) {
        job.events().task(node.layout().host(), "WARNING", task.stage(), task.taskid(),
                "Could not parse worker event: " + e.kind().name().toLowerCase(java.util.Locale.ROOT));
        lastWordsSince = System.nanoTime();
        byte[] words = Arrays.copyOf(unparsed, Math.max(unparsed.length, 4096));
        int len = Math.min(unparsed.length, LAST_WORDS_MAX + 1);
        while (len <= LAST_WORDS_MAX) {
            if (len == words.length) {
                words = Arrays.copyOf(words, Math.min(words.length * 2, LAST_WORDS_MAX + 1));
            }
            int n;
            try {
                n = in.read(words, len, words.length - len);
            } catch (IOException ex) {
                n = -1;
            }
            if (n < 0) {
                break;
            }
            len += n;
        }
        killWorker();
        AttemptOutcome stop = stopped.get();
        if (stop instanceof AttemptOutcome.Stopped) {
            return stop;
        }
        if (len == 0) {
            return new AttemptOutcome.Failed(false, "Worker died without output");
        }
        String text = new String(words, 0, Math.min(len, LAST_WORDS_MAX), StandardCharsets.UTF_8);
        return new AttemptOutcome.Failed(false, "Worker died. Last words:\n" + text + (len > LAST_WORDS_MAX ? "..." : ""));
    }

    /**
     * Runs on the timer thread: fires the SPEC §2.5 timers and the task timeouts. A failure here
     * fails the attempt: a periodic task that throws is never run again, which would leave the
     * worker without a watchdog.
     */
    private void checkTimers() {
        try {
            fireTimers();
        } catch (RuntimeException e) {
            fail("Master error in the worker's watchdog: " + e);
        }
    }

    private void fireTimers() {
        long now = System.nanoTime();
        if (lastWordsSince >= 0) {
            if (now - lastWordsSince > node.config().lastWordsTimeout().toNanos()) {
                killWorker();
            }
            return;
        }
        long waiting = waitingSinceNanos;
        if (!gotData && now - lastDataNanos > node.config().pidTimeout().toNanos()) {
            fail("Worker did not send its PID in " + seconds(node.config().pidTimeout()) + " seconds");
        } else if (partialFrame && waiting >= 0 && now - Math.max(waiting, lastDataNanos)
                > node.config().messageTimeout().toNanos()) {
            fail("Worker stuck in the middle of a message");
        } else if (node.config().taskTimeout().isPresent()
                && now - startNanos > node.config().taskTimeout().get().toNanos()) {
            fail("Task exceeded its timeout of " + seconds(node.config().taskTimeout().get()) + " seconds");
        } else if (node.config().idleTimeout().isPresent()
                && now - lastActivityNanos > node.config().idleTimeout().get().toNanos()) {
            fail("Task timed out: the worker sent nothing for " + seconds(node.config().idleTimeout().get())
                    + " seconds (the task timeout)");
        }
    }

    private void fail(String text) {
        if (stopped.compareAndSet(null, new AttemptOutcome.Failed(false, text))) {
            killWorker();
        }
    }

    private void killWorker() {
        killWorker(-1);
    }

    private void killWorker(long announcedPid) {
        WorkerHandle w = worker;
        if (w != null) {
            w.kill(announcedPid);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format("%.3f", d.toMillis() / 1000.0);
    }
}
