package io.jdisco.local.internal.workers;

import io.jdisco.worker.core.WorkerSession;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.protocol.channel.ChannelOptions;
import io.jdisco.worker.core.protocol.channel.MasterChannel;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A jdisco worker running on a thread of the master's JVM (the in-process mode, DESIGN §1): a
 * {@link WorkerSession} whose {@link MasterChannel} writes into one {@link MemoryPipe} and reads the
 * master's replies from another, so the master parses exactly the bytes a worker process would
 * print. When the session ends the worker's end of the pipe closes, as a process's stdout closes
 * when it exits.
 *
 * <p>A kill breaks both pipes (the worker's next protocol read or write fails, the master's read
 * ends) and interrupts the thread; it never signals a process, although the worker's
 * {@code WORKER} message carries this JVM's pid. Code that ignores interrupts runs on until its
 * next protocol exchange fails; the master does not wait for it.
 *
 * <p>Tasks run on pooled threads, reused from task to task and job to job: a thread-local a task
 * leaves behind stays with its thread until the thread ends (idle for {@value #IDLE_SECONDS} s).
 */
final class ThreadWorker implements WorkerHandle {
    /**
     * The bytes a pipe holds before its writer waits: a quarter of a Linux pipe's default; protocol
     * messages are mostly under 1 KiB, and a bigger one takes a few turns. Two rings of 64 KiB per
     * task were the largest allocation of a small task.
     */
    static final int PIPE_CAPACITY = 16 * 1024;

    /** Idle pooled worker threads end after this long. */
    private static final long IDLE_SECONDS = 10;
    /**
     * The threads tasks run on, shared by the master's jobs: a thread per task cost a
     * {@code clone}, a stack and a thread-local set-up each; a pooled one is reused. The pool
     * grows only as far as tasks run at once, which the master's slots bound; idle threads end
     * after {@value #IDLE_SECONDS} s.
     */
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS,
            TimeUnit.SECONDS, new SynchronousQueue<>(), ThreadWorker::newThread);
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final MemoryPipe toMaster = new MemoryPipe(PIPE_CAPACITY);
    private final MemoryPipe toWorker = new MemoryPipe(PIPE_CAPACITY);
    private final String name;
    private final CountDownLatch ended = new CountDownLatch(1);
    private Thread runner;
    private boolean killed;
    private volatile WorkerSession.Outcome outcome;
    private volatile Throwable failure;

    private ThreadWorker(String name) {
        this.name = name;
    }

    private static Thread newThread(Runnable r) {
        Thread t = new Thread(r, "jdisco-worker-idle-" + THREAD_IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts a worker called {@code name} on a pooled thread (named {@code name} while the task
     * runs) whose job classes resolve through {@code loader} and whose worker sees
     * {@code environment}.
     */
    static ThreadWorker start(String name, ClassLoader loader, Map<String, String> environment,
            InputErrPolicy policy) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(policy, "policy");
        ThreadWorker worker = new ThreadWorker(name);
        THREADS.execute(() -> worker.run(loader, environment, policy));
        return worker;
    }

    private void run(ClassLoader loader, Map<String, String> environment, InputErrPolicy policy) {
        Thread self = Thread.currentThread();
        String idleName = self.getName();
        ClassLoader idleLoader = self.getContextClassLoader();
        synchronized (this) {
            if (killed) {
                toMaster.closeWriter();
                ended.countDown();
                return;
            }
            runner = self;
        }
        self.setName(name);
        self.setContextClassLoader(loader);
        try {
            runSession(environment, policy);
        } finally {
            synchronized (this) {
                runner = null;
            }
            Thread.interrupted(); // a kill's interrupt must not reach the pool thread's next task
            self.setContextClassLoader(idleLoader);
            self.setName(idleName);
            ended.countDown();
        }
    }

    private void runSession(Map<String, String> environment, InputErrPolicy policy) {
        MasterChannel channel = new MasterChannel(toWorker.source(), toMaster.sink(), ChannelOptions.defaults());
        try {
            outcome = new WorkerSession(channel, policy, environment).run();
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                channel.close();
            } catch (IOException | RuntimeException e) {
                // the master's side is gone already
            }
            toMaster.closeWriter();
        }
    }

    @Override
    public InputStream fromWorker() {
        return toMaster.source();
    }

    @Override
    public OutputStream toWorker() {
        return toWorker.sink();
    }

    /** Breaks the pipes and interrupts the thread; {@code announcedPid} (this JVM's) is never used. */
    @Override
    public void kill(long announcedPid) {
        toMaster.breakPipe();
        toWorker.breakPipe();
        synchronized (this) {
            killed = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    /** How the thread ended: the session's outcome, its failure, or that it is still running after 2 s. */
    @Override
    public String exitStatus() {
        boolean done = false;
        try {
            done = ended.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!done) {
            kill(-1);
            return "worker thread " + name + " still running";
        }
        Throwable t = failure;
        if (t != null) {
            return "worker thread " + name + " failed: " + t;
        }
        return "worker thread " + name + " ended after " + outcome;
    }

    @Override
    public String toString() {
        return "worker thread " + name;
    }
}
