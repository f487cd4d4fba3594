package io.jdisco.worker.core.testing;

import io.jdisco.worker.core.WorkerSession;
import io.jdisco.worker.core.input.InputErrPolicy;
import io.jdisco.worker.core.protocol.channel.ChannelOptions;
import io.jdisco.worker.core.protocol.channel.FakeMaster;
import io.jdisco.worker.core.protocol.channel.MasterChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a {@link WorkerSession} on a thread against a {@link FakeMaster}, connected by pipes. */
public final class InProcessSession {
    private final FakeMaster master;
    private final MasterChannel channel;
    private final CompletableFuture<WorkerSession.Outcome> outcome = new CompletableFuture<>();

    private InProcessSession(FakeMaster.Responder responder, ChannelOptions options, InputErrPolicy policy)
            throws IOException {
        FakeMaster.Connection c = FakeMaster.connect(responder, options);
        this.master = c.master();
        this.channel = c.channel();
        Thread t = new Thread(() -> outcome.complete(new WorkerSession(channel, policy).run()), "in-process-worker");
        t.setDaemon(true);
        t.start();
    }

    /** Starts a session. */
    public static InProcessSession start(FakeMaster.Responder responder, ChannelOptions options,
            InputErrPolicy policy) throws IOException {
        return new InProcessSession(responder, options, policy);
    }

    /** Waits for the session's end and returns its outcome. */
    public WorkerSession.Outcome await(Duration timeout) throws Exception {
        WorkerSession.Outcome o = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        master.awaitEnd(timeout);
        channel.close();
        return o;
    }

    /** The master. */
    public FakeMaster master() {
        return master;
    }

    /** The worker's channel. */
    public MasterChannel channel() {
        return channel;
    }
}
