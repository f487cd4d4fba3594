package io.jdisco.worker.core.protocol.channel;

import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
import io.jdisco.worker.core.protocol.wire.Frame;
import io.jdisco.worker.core.protocol.wire.FrameReader;
import io.jdisco.worker.core.protocol.wire.MessageCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A master on a pair of streams, for protocol tests: reads the worker's frames with the master's
 * parser rules, records each message with its arrival time, and answers through a {@link Responder}.
 * Stops after {@code DONE}, {@code ERROR} or {@code FATAL}, at end of stream or on a framing error.
 *
 * <p>It is the master's end of a {@link MasterChannel}, kept beside it in the main sources (as
 * Netty keeps its in-memory test channel) so that one fake serves this module's own tests and the
 * test kit ({@code io.jdisco.testing.TaskHarness} of {@code worker-testing} wires one to a worker
 * session); use it directly to script unusual replies. Nothing in a running worker uses it.
 */
public final class FakeMaster {
    /** Decides the answer to each worker message. */
    @FunctionalInterface
    public interface Responder {
        /** Answers {@code message} through {@code out} (or not at all). */
        void respond(WorkerMessage message, FakeMaster out) throws IOException;
    }

    /** A message received from the worker and when (System.nanoTime()). */
    public record Received(WorkerMessage message, Frame frame, long nanos) {
    }

    /**
     * A started fake master and the worker's channel to it, joined by two {@link MemoryPipe}s.
     *
     * @param master the master, serving
     * @param channel the worker's end, to hand to a session or to drive directly
     */
    public record Connection(FakeMaster master, MasterChannel channel) {
    }

    private final InputStream fromWorker;
    private final OutputStream toWorker;
    private final Responder responder;
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Exception failure;
    private Thread thread;

    /** A master reading {@code fromWorker}, answering on {@code toWorker}. */
    public FakeMaster(InputStream fromWorker, OutputStream toWorker, Responder responder) {
        this.fromWorker = Objects.requireNonNull(fromWorker, "fromWorker");
        this.toWorker = Objects.requireNonNull(toWorker, "toWorker");
        this.responder = Objects.requireNonNull(responder, "responder");
    }

    /**
     * Starts a master answering through {@code responder} and connects a worker's channel with
     * {@code options} to it, as a worker process's stdin and stderr would be.
     */
    public static Connection connect(Responder responder, ChannelOptions options) {
        Objects.requireNonNull(options, "options");
        MemoryPipe toWorker = new MemoryPipe();
        MemoryPipe toMaster = new MemoryPipe();
        FakeMaster master = new FakeMaster(toMaster.source(), toWorker.sink(), responder).start();
        return new Connection(master, new MasterChannel(toWorker.source(), toMaster.sink(), options));
    }

    /** Starts serving on a daemon thread; returns this master. */
    public FakeMaster start() {
        thread = new Thread(this::serve, "fake-master");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void serve() {
        try {
            FrameReader frames = new FrameReader(fromWorker);
            Frame f;
            while ((f = frames.next()) != null) {
                WorkerMessage m = MessageCodec.decodeWorker(f);
                synchronized (received) {
                    received.add(new Received(m, f, System.nanoTime()));
                }
                if (m.endsSession()) {
                    break;
                }
                responder.respond(m, this);
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            ended.countDown();
        }
    }

    /** Sends a reply. */
    public void send(MasterMessage reply) throws IOException {
        sendRaw(MessageCodec.encode(reply).encode());
    }

    /** Sends raw bytes (e.g. a malformed frame). */
    public void sendRaw(byte[] bytes) throws IOException {
        toWorker.write(bytes);
        toWorker.flush();
    }

    /**
     * Waits until the session ended.
     *
     * @throws AssertionError on timeout, or when the worker's stream broke the master's parser
     */
    public FakeMaster awaitEnd(Duration timeout) throws InterruptedException {
        if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the session did not end within " + timeout + "; received " + messages());
        }
        if (failure != null) {
            throw new AssertionError("the master could not read the worker: " + failure, failure);
        }
        return this;
    }

    /** Everything received so far. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The messages received so far. */
    public List<WorkerMessage> messages() {
        List<WorkerMessage> out = new ArrayList<>();
        received().forEach(r -> out.add(r.message()));
        return out;
    }
}
