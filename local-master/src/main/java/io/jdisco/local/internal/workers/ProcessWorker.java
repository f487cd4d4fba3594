package io.jdisco.local.internal.workers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A worker running as a child process ({@link WorkerProcess}). */
final class ProcessWorker implements WorkerHandle {
    private final Process process;

    private ProcessWorker(Process process) {
        this.process = process;
    }

    /** Starts the worker executable of {@code job}, under {@code nice} when asked. */
    static ProcessWorker start(JobSetup job, boolean nice) throws IOException {
        return new ProcessWorker(WorkerProcess.start(job, nice));
    }

    @Override
    public InputStream fromWorker() {
        return process.getInputStream();
    }

    @Override
    public OutputStream toWorker() {
        return process.getOutputStream();
    }

    @Override
    public void kill(long announcedPid) {
        WorkerProcess.kill(process, announcedPid);
    }

    /** {@code exit code: N}; a process still alive after 2 s is killed, -1 if it will not die. */
    @Override
    public String exitStatus() {
        return WorkerProcess.exitStatus(process);
    }

    @Override
    public String toString() {
        return "worker process " + process.pid();
    }
}
