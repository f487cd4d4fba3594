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
 */
final class ThreadWorker implements WorkerHandle {
    /** The bytes a pipe holds before its writer waits: a Linux pipe's default. */
    static final int PIPE_CAPACITY = 64 * 1024;

    private final MemoryPipe toMaster = new MemoryPipe(PIPE_CAPACITY);
    private final MemoryPipe toWorker = new MemoryPipe(PIPE_CAPACITY);
    private final Thread thread;
    private volatile WorkerSession.Outcome outcome;
    private volatile Throwable failure;

    private ThreadWorker(String name, ClassLoader loader, Map<String, String> environment, InputErrPolicy policy) {
        this.thread = new Thread(() -> runSession(environment, policy), name);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
    }

    /**
     * Starts a worker thread called {@code name} whose job classes resolve through {@code loader}
     * and whose worker sees {@code environment}.
     */
    static ThreadWorker start(String name, ClassLoader loader, Map<String, String> environment,
            InputErrPolicy policy) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(policy, "policy");
        ThreadWorker worker = new ThreadWorker(name, loader, environment, policy);
        worker.thread.start();
        return worker;
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
        thread.interrupt();
    }

    /** How the thread ended: the session's outcome, its failure, or that it is still running after 2 s. */
    @Override
    public String exitStatus() {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            kill(-1);
            return "worker thread " + thread.getName() + " still running";
        }
        Throwable t = failure;
        if (t != null) {
            return "worker thread " + thread.getName() + " failed: " + t;
        }
        return "worker thread " + thread.getName() + " ended after " + outcome;
    }

    @Override
    public String toString() {
        return "worker thread " + thread.getName();
    }
}
