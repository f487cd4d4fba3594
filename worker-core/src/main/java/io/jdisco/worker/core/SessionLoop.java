package io.jdisco.worker.core;

import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.protocol.ProtocolException;
import io.jdisco.worker.core.protocol.channel.ChannelOptions;
import io.jdisco.worker.core.protocol.channel.MasterChannel;
import io.jdisco.worker.core.protocol.channel.StatusOutputStream;
import io.jdisco.worker.core.protocol.pipe.KeepOpenOutputStream;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
import io.jdisco.worker.core.protocol.wire.Frame;
import io.jdisco.worker.core.protocol.wire.FrameReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A reused worker process: one job's tasks, one protocol session after the other, in one JVM, which
 * spares each task after the first a JVM start, class loading and JIT warm-up. This is a jdisco
 * extension of the protocol that a Disco master never uses: {@link WorkerMain} runs the loop only
 * when the master sets {@value #VARIABLE}{@code =1} in the worker's environment.
 *
 * <p>Each task is an ordinary {@link WorkerSession}, byte for byte (SPEC §2): {@code WORKER},
 * {@code TASK}, ..., {@code DONE}. Between sessions the master, which sends nothing after
 * {@code DONE}, starts the next one with a control frame on the worker's stdin, in the protocol's
 * framing:
 *
 * <pre>
 *   master → loop:  JD_NEXT 2 ""\n          start a session
 *   loop → master:  WORKER ... TASK ... DONE  one session, as a worker process would speak it
 * </pre>
 *
 * <p>One thread reads every frame from stdin: {@value #NEXT_TASK} frames start sessions, the rest
 * go to the session running. The loop ends after any session that did not end with {@code DONE}
 * (the master kills the process anyway), at the end of stdin, or when stdin carries a reply while
 * no session runs. Tasks share the JVM and its static state, as the tasks of a Hadoop job with JVM
 * reuse do; each session sees the process environment without {@value #VARIABLE}.
 */
public final class SessionLoop {
    /** The environment variable that makes {@link WorkerMain} run the loop: {@code 1}. */
    public static final String VARIABLE = "JDISCO_WORKER_REUSE";
    /** The name of the control frame that starts the next session. */
    public static final String NEXT_TASK = "JD_NEXT";
    /** The control frame that starts the next session, as the master writes it. */
    public static final Frame NEXT_TASK_FRAME = new Frame(NEXT_TASK, "\"\"".getBytes(StandardCharsets.US_ASCII));

    private static final Object END_OF_INPUT = new Object();

    private final InputStream fromMaster;
    private final OutputStream toMaster;
    private final InputErrPolicy policy;
    private final Map<String, String> environment;
    private final BlockingQueue<Object> controls = new LinkedBlockingQueue<>();
    private volatile MemoryPipe session;

    /**
     * A loop reading the master's frames from {@code fromMaster} and writing every session's
     * messages to {@code toMaster} (never closed by a session); each session's worker sees
     * {@code environment} without {@value #VARIABLE}.
     */
    public SessionLoop(InputStream fromMaster, OutputStream toMaster, InputErrPolicy policy,
            Map<String, String> environment) {
        this.fromMaster = Objects.requireNonNull(fromMaster, "fromMaster");
        this.toMaster = new KeepOpenOutputStream(Objects.requireNonNull(toMaster, "toMaster"));
        this.policy = Objects.requireNonNull(policy, "policy");
        Map<String, String> env = new LinkedHashMap<>(Objects.requireNonNull(environment, "environment"));
        env.remove(VARIABLE);
        this.environment = Map.copyOf(env);
    }

    /** True when {@code environment} asks {@link WorkerMain} to run the loop. */
    public static boolean requested(Map<String, String> environment) {
        return "1".equals(environment.get(VARIABLE));
    }

    /**
     * Runs sessions until stdin ends (0), a session does not end with {@code DONE} (1), or stdin
     * breaks the framing (2). Replaces {@code System.out} and {@code System.err} with each
     * session's status stream, as {@link WorkerMain} does for its one session.
     */
    public int run() {
        Thread pump = new Thread(this::pumpFrames, "jdisco-session-loop-stdin");
        pump.setDaemon(true);
        pump.start();
        while (true) {
            Object control;
            try {
                control = controls.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            if (control == END_OF_INPUT) {
                return 0;
            }
            if (control instanceof IOException) {
                return 2;
            }
            if (runSession() != WorkerSession.Outcome.DONE) {
                return 1;
            }
        }
    }

    private WorkerSession.Outcome runSession() {
        MemoryPipe replies = new MemoryPipe();
        MasterChannel channel = new MasterChannel(replies.source(), toMaster, ChannelOptions.defaults());
        PrintStream out = StatusOutputStream.printStream(channel.messenger());
        System.setOut(out);
        System.setErr(out);
        session = replies;
        WorkerSession.Outcome outcome = new WorkerSession(channel, policy, environment).run();
        session = null;
        replies.closeWriter();
        try {
            channel.close();
        } catch (IOException e) {
            // flushing toMaster failed: the master is gone, and the next read of stdin ends the loop
        }
        return outcome;
    }

    /** Reads every frame of stdin: control frames for {@link #run}, replies for the session running. */
    private void pumpFrames() {
        FrameReader frames = new FrameReader(fromMaster);
        try {
            Frame f;
            while ((f = frames.next()) != null) {
                if (f.name().equals(NEXT_TASK)) {
                    controls.add(f);
                    continue;
                }
                MemoryPipe s = session;
                if (s == null) {
                    throw new ProtocolException("the master sent " + f.name() + " at offset " + frames.offset()
                            + " of stdin while no session was running");
                }
                s.sink().write(f.encode());
            }
            controls.add(END_OF_INPUT);
        } catch (IOException e) {
            controls.add(e);
        }
    }
}
