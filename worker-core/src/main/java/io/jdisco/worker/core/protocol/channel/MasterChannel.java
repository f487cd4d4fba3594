package io.jdisco.worker.core.protocol.channel;

import io.jdisco.worker.core.protocol.ProtocolException;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.RetryReply;
import io.jdisco.worker.core.protocol.message.StatusMessage;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.TaskRequest;
import io.jdisco.worker.core.protocol.message.WaitReply;
import io.jdisco.worker.core.protocol.message.WorkerHello;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import io.jdisco.worker.core.protocol.pipe.MemoryPipe;
import io.jdisco.worker.core.protocol.wire.Frame;
import io.jdisco.worker.core.protocol.wire.FrameReader;
import io.jdisco.worker.core.protocol.wire.MessageCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The worker's side of the protocol: requests go to the master as frames on one stream, replies
 * come back on the other (fd 2 and fd 0 in a real worker, SPEC §1.2).
 *
 * <p>One request is outstanding at a time (a lock), as in the reference worker. Replies are awaited
 * with {@link ChannelOptions#replyTimeout()}, except for {@code INPUT}: the master holds that reply
 * back until inputs exist (SPEC §2.4.3). A daemon thread (a pooled one, {@link ProtocolThreads})
 * reads the master's stream so that waits can time out; over a {@link MemoryPipe} (an in-process
 * worker, a reused worker's session), whose reads time out by themselves, the requesting thread
 * reads the reply itself, sparing a thread and a hand-off per reply. After {@code DONE}, {@code ERROR} or {@code FATAL} the channel writes nothing ever again.
 * {@code MSG}s go through {@link #messenger()}, which throttles and coalesces them.
 */
public final class MasterChannel implements java.io.Closeable {
    private static final Object EOF = new Object();

    private final InputStream in;
    private final OutputStream out;
    private final ChannelOptions options;
    private final Object requestLock = new Object();
    private final LinkedBlockingQueue<Object> incoming = new LinkedBlockingQueue<>();
    private final StatusMessenger messenger;
    private boolean readerStarted;
    /** The in-memory pipe {@link #in} reads, when it is one: replies are then read on the requesting thread. */
    private final MemoryPipe direct;
    private FrameReader directFrames;
    /** What ended the master's stream in the direct mode: {@link #EOF} or an {@link IOException}. */
    private Object directEnd;
    private volatile String endedWith;

    /** A channel reading replies from {@code fromMaster} and writing requests to {@code toMaster}. */
    public MasterChannel(InputStream fromMaster, OutputStream toMaster, ChannelOptions options) {
        this.in = Objects.requireNonNull(fromMaster, "fromMaster");
        this.out = Objects.requireNonNull(toMaster, "toMaster");
        this.options = Objects.requireNonNull(options, "options");
        this.messenger = new StatusMessenger(this::sendStatusNow, options);
        this.direct = MemoryPipe.ofSource(fromMaster);
    }

    /** The throttled sender of {@code MSG}s of this channel. */
    public StatusMessenger messenger() {
        return messenger;
    }

    /** {@code WORKER} → {@code OK}. */
    public void hello(WorkerHello hello) throws IOException {
        expect(request(hello), OkReply.class, "WORKER", "OK");
    }

    /** {@code TASK ""} → {@code TASK {...}}. */
    public TaskReply task() throws IOException {
        return expect(request(new TaskRequest()), TaskReply.class, "TASK", "TASK");
    }

    /** {@code INPUT} → {@code INPUT [flag, inputs]}; waits without timeout. */
    public InputReply input(InputRequest request) throws IOException {
        return expect(request(request), InputReply.class, describe(request), "INPUT");
    }

    /** {@code INPUT_ERR} → {@code RETRY}, {@code FAIL} or {@code WAIT}. */
    public MasterMessage inputError(InputErrRequest request) throws IOException {
        MasterMessage reply = request(request);
        if (reply instanceof RetryReply || reply instanceof FailReply || reply instanceof WaitReply) {
            return reply;
        }
        throw new UnexpectedReplyException(describe(request), "RETRY, FAIL or WAIT", reply);
    }

    /** {@code OUTPUT} → {@code OK}. */
    public void output(OutputMessage output) throws IOException {
        expect(request(output), OkReply.class, describe(output), "OK");
    }

    /** Sends one {@code MSG} now, unthrottled; used by the {@link StatusMessenger}. */
    void sendStatusNow(String text) throws IOException {
        StatusMessage msg = new StatusMessage(text);
        expect(request(msg), OkReply.class, "MSG", "OK");
    }

    /**
     * Sends {@code DONE}, {@code ERROR} or {@code FATAL}: the last message of the session. Nothing
     * is written after it.
     */
    public void end(WorkerMessage last) throws IOException {
        Objects.requireNonNull(last, "last");
        if (!last.endsSession()) {
            throw new IllegalArgumentException(last.name() + " does not end a session; use DONE, ERROR or FATAL");
        }
        synchronized (requestLock) {
            checkOpen(last);
            endedWith = last.name();
            messenger.stop();
            write(MessageCodec.encode(last));
        }
    }

    /**
     * Closes the master's stream, so that the reading thread ends; for in-process sessions (a worker
     * process simply exits).
     */
    @Override
    public void close() throws IOException {
        messenger.stop();
        in.close();
    }

    /** The message that ended the session, or {@code null} while it is open. */
    public String endedWith() {
        return endedWith;
    }

    /**
     * Sends a request and returns the master's reply.
     *
     * @throws ReplyTimeoutException when no reply comes in time (never for {@code INPUT})
     * @throws ProtocolException when the master closes its stream or sends a malformed frame
     */
    public MasterMessage request(WorkerMessage request) throws IOException {
        Objects.requireNonNull(request, "request");
        if (request.endsSession()) {
            throw new IllegalArgumentException(request.name() + " gets no reply; use end()");
        }
        synchronized (requestLock) {
            checkOpen(request);
            if (direct != null) {
                return requestDirect(request);
            }
            startReader();
            Object early = incoming.poll();
            if (early != null) {
                throw unexpected(early, describe(request));
            }
            write(MessageCodec.encode(request));
            Object got = awaitReply(request);
            if (got instanceof Frame) {
                return MessageCodec.decodeMaster((Frame) got);
            }
            if (got instanceof IOException) {
                IOException e = (IOException) got;
                incoming.add(got);
                throw e instanceof ProtocolException ? e
                        : new ProtocolException("reading the master's reply to " + describe(request) + " failed", e);
            }
            incoming.add(EOF);
            throw new ProtocolException("the master closed its stream while the worker waited for a reply to "
                    + describe(request));
        }
    }

    /**
     * A request whose reply is read on this thread, from an in-memory pipe whose reads time out by
     * themselves: no reader thread and no hand-off per reply (the local master's in-process
     * workers, a reused worker's sessions). The same replies, errors and timeouts as with a reader
     * thread; after a timed-out reply the stream is not read again (its late reply would be taken
     * for the next request's).
     */
    private MasterMessage requestDirect(WorkerMessage request) throws IOException {
        if (directFrames == null) {
            directFrames = new FrameReader(in);
        }
        if (directEnd == null && in.available() > 0) {
            Frame early = readDirect(request, System.nanoTime() + options.replyTimeout().toNanos());
            if (early != null) {
                throw unexpected(early, describe(request));
            }
        }
        if (directEnd instanceof IOException e) {
            throw new ProtocolException("the master's stream is broken; cannot send " + describe(request), e);
        }
        if (directEnd != null) {
            throw new ProtocolException("the master closed its stream before the worker could send " + describe(request));
        }
        write(MessageCodec.encode(request));
        long deadline = request instanceof InputRequest ? 0 : System.nanoTime() + options.replyTimeout().toNanos();
        Frame got = readDirect(request, deadline);
        if (got != null) {
            return MessageCodec.decodeMaster(got);
        }
        if (directEnd instanceof IOException e) {
            throw e instanceof ProtocolException ? e
                    : new ProtocolException("reading the master's reply to " + describe(request) + " failed", e);
        }
        throw new ProtocolException("the master closed its stream while the worker waited for a reply to "
                + describe(request));
    }

    /** The next frame, or null with {@link #directEnd} set; {@code deadline} 0: no timeout. */
    private Frame readDirect(WorkerMessage request, long deadline) throws IOException {
        direct.readDeadline(deadline == 0 ? 0 : Math.max(deadline, 1));
        try {
            Frame f = directFrames.next();
            if (f == null) {
                directEnd = EOF;
            }
            return f;
        } catch (MemoryPipe.DeadlineExceededException e) {
            Duration timeout = options.replyTimeout();
            ReplyTimeoutException timedOut = new ReplyTimeoutException(describe(request), timeout);
            directEnd = timedOut;
            throw timedOut;
        } catch (InterruptedIOException e) {
            throw new InterruptedIOException("interrupted while waiting for the reply to " + describe(request));
        } catch (IOException e) {
            directEnd = e;
            return null;
        } finally {
            direct.readDeadline(0);
        }
    }

    private Object awaitReply(WorkerMessage request) throws IOException {
        try {
            if (request instanceof InputRequest) {
                return incoming.take();
            }
            Duration timeout = options.replyTimeout();
            Object got = incoming.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (got == null) {
                throw new ReplyTimeoutException(describe(request), timeout);
            }
            return got;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the reply to " + describe(request));
        }
    }

    private ProtocolException unexpected(Object early, String request) throws ProtocolException {
        if (early instanceof Frame) {
            return new UnexpectedReplyException(request, "nothing before the request was sent",
                    MessageCodec.decodeMaster((Frame) early));
        }
        incoming.add(early);
        if (early instanceof IOException) {
            return new ProtocolException("the master's stream is broken; cannot send " + request, (IOException) early);
        }
        return new ProtocolException("the master closed its stream before the worker could send " + request);
    }

    private void checkOpen(WorkerMessage m) {
        if (endedWith != null) {
            throw new IllegalStateException("the session ended with " + endedWith + "; the worker must not send "
                    + m.name());
        }
    }

    private void write(Frame frame) throws IOException {
        out.write(frame.encode());
        out.flush();
    }

    private void startReader() {
        if (readerStarted) {
            return;
        }
        readerStarted = true;
        ProtocolThreads.start("jdisco-master-reader", () -> {
            FrameReader frames = new FrameReader(in);
            try {
                Frame f;
                while ((f = frames.next()) != null) {
                    incoming.add(f);
                }
                incoming.add(EOF);
            } catch (IOException e) {
                incoming.add(e);
            }
        });
    }

    private static <T extends MasterMessage> T expect(MasterMessage reply, Class<T> type, String request,
            String expected) throws UnexpectedReplyException {
        if (!type.isInstance(reply)) {
            throw new UnexpectedReplyException(request, expected, reply);
        }
        return type.cast(reply);
    }

    private static String describe(WorkerMessage m) {
        String body = MessageCodec.encode(m).bodyText();
        return m.name() + " " + (body.length() > 80 ? body.substring(0, 80) + "..." : body);
    }
}
