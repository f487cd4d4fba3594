package io.jdisco.worker.core;

import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.protocol.channel.ChannelOptions;
import io.jdisco.worker.core.protocol.channel.MasterChannel;
import io.jdisco.worker.core.protocol.channel.StatusOutputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The worker executable's entry point (SPEC §1.2, §2.9): run by {@code bin/worker} with the job
 * home as working directory.
 *
 * <p>Before anything else can print, it takes fd 0 (the master's replies) and fd 2 (the merged
 * stdout/stderr pipe the master parses) for the protocol, and replaces {@code System.out} and
 * {@code System.err} with streams that turn each printed line into a throttled {@code MSG}; so user
 * prints and console logging never corrupt the protocol. Then it runs one {@link WorkerSession} and
 * exits: the master receives our last bytes before it sees the exit, and nothing is written after
 * {@code DONE}, {@code ERROR} or {@code FATAL}.
 *
 * <p>With {@code JDISCO_WORKER_REUSE=1} in its environment (a jdisco extension that a Disco master
 * never sets) it runs one job's tasks one after the other instead, as a {@link SessionLoop}.
 *
 * <p>The system property {@code jdisco.inputErrPolicy} ({@code REPORT} or {@code SILENT}, see
 * {@link InputErrPolicy}) chooses the replica fail-over mode; {@code REPORT} by default.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** Runs one worker session on fd 0 / fd 2 and exits with 0 after {@code DONE}, 1 otherwise. */
    public static void main(String[] args) {
        FileInputStream fromMaster = new FileInputStream(FileDescriptor.in);
        OutputStream toMaster = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1 << 16);
        if (SessionLoop.requested(System.getenv())) {
            InputErrPolicy policy = knownPolicy(System.getProperty("jdisco.inputErrPolicy", "REPORT"));
            System.exit(new SessionLoop(fromMaster, toMaster, policy, System.getenv()).run());
        }
        MasterChannel channel = new MasterChannel(fromMaster, toMaster, ChannelOptions.defaults());
        PrintStream out = StatusOutputStream.printStream(channel.messenger());
        System.setOut(out);
        System.setErr(out);
        InputErrPolicy policy = policy(System.getProperty("jdisco.inputErrPolicy", "REPORT"));
        WorkerSession.Outcome outcome = new WorkerSession(channel, policy).run();
        System.exit(outcome == WorkerSession.Outcome.DONE ? 0 : 1);
    }

    /** {@code name}'s policy, {@code REPORT} for an unknown name (the loop has no session to warn in yet). */
    private static InputErrPolicy knownPolicy(String name) {
        for (InputErrPolicy p : InputErrPolicy.values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return InputErrPolicy.REPORT;
    }

    private static InputErrPolicy policy(String name) {
        try {
            return InputErrPolicy.valueOf(name);
        } catch (IllegalArgumentException e) {
            System.err.println("jdisco.inputErrPolicy '" + name + "' is not REPORT or SILENT; using REPORT");
            return InputErrPolicy.REPORT;
        }
    }
}
