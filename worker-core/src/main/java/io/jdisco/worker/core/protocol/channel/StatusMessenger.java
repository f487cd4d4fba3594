package io.jdisco.worker.core.protocol.channel;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sends status texts as {@code MSG}s without ever tripping the master's rate limit, and without
 * dropping any text.
 *
 * <p>{@link #post} never blocks on the master: texts queue up and a daemon thread (a pooled one, {@link ProtocolThreads}) sends them, at
 * most {@code msgsPerWindow} MSGs per rolling window. While the throttle allows, each text is one
 * MSG; texts that queued while the throttle held the pump back are coalesced into the next MSG, one
 * per line, followed by a line {@code (N messages merged)}; a MSG carries at most
 * {@code maxMsgChars} characters and the rest goes in the next. {@link #flush} waits until everything posted so far reached the master (done before
 * {@code OUTPUT}, {@code DONE}, {@code ERROR} and {@code FATAL}); while the throttle allows, the
 * flushing thread sends the pending texts itself instead of waiting for the pump.
 */
public final class StatusMessenger {
    /** Sends one {@code MSG} and waits for the master's {@code OK}: the channel's unthrottled send. */
    @FunctionalInterface
    interface Sender {
        /** Sends {@code text} as one {@code MSG}. */
        void send(String text) throws IOException;
    }

    private final Sender channel;
    private final MsgThrottle throttle;
    private final int maxChars;
    private final Object lock = new Object();
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private boolean sending;
    private boolean stopped;
    private IOException failure;
    private boolean pumping;

    /**
     * A messenger sending through {@code channel} (a function, not the {@link MasterChannel}
     * itself, so that the channel and its messenger do not need each other).
     */
    StatusMessenger(Sender channel, ChannelOptions options) {
        this.channel = channel;
        this.throttle = new MsgThrottle(options.msgWindow().toNanos(), options.msgsPerWindow());
        this.maxChars = options.maxMsgChars();
    }

    /** Queues {@code text} for the master; returns at once. */
    public void post(String text) {
        Objects.requireNonNull(text, "text");
        synchronized (lock) {
            pending.addLast(text);
            if (!pumping) {
                pumping = true;
                ProtocolThreads.start("jdisco-msg-pump", this::pumpLoop);
            }
            lock.notifyAll();
        }
    }

    /**
     * Waits until every text posted before this call was sent.
     *
     * @throws IOException when sending failed (the texts not sent are kept in the exception message)
     */
    public void flush() throws IOException {
        while (true) {
            String text;
            synchronized (lock) {
                while (sending && failure == null) {
                    awaitChange();
                }
                if (failure != null) {
                    throw new IOException("status messages could not be sent; unsent: " + pending, failure);
                }
                if (pending.isEmpty()) {
                    return;
                }
                if (throttle.waitNanos(System.nanoTime()) > 0) {
                    awaitChange(); // held back: the pump sends them when the throttle allows
                    continue;
                }
                text = takeOne();
                sending = true;
                throttle.record(System.nanoTime());
            }
            // sent on this thread, which waits anyway: a hand-off to the pump and back per MSG cost
            // two thread wake-ups (most of a small task's time on a busy machine)
            send(text);
        }
    }

    private void awaitChange() throws java.io.InterruptedIOException {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while flushing status messages");
        }
    }

    /** Sends {@code text}, taken with {@code sending} set; clears it and wakes the waiters. */
    private void send(String text) throws IOException {
        try {
            channel.send(text);
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                failure = e instanceof IOException ? (IOException) e : new IOException(e);
                sending = false;
                lock.notifyAll();
            }
            throw e;
        }
        synchronized (lock) {
            sending = false;
            lock.notifyAll();
        }
    }

    /** Lets the sending thread end once nothing is pending: the session is over. */
    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    private void pumpLoop() {
        while (true) {
            try {
                synchronized (lock) {
                    while (pending.isEmpty() || sending) {
                        if (pending.isEmpty() && stopped || failure != null) {
                            return;
                        }
                        lock.wait();
                    }
                }
                long wait;
                boolean heldBack = false;
                while (true) {
                    synchronized (lock) {
                        wait = throttle.waitNanos(System.nanoTime());
                    }
                    if (wait <= 0) {
                        break;
                    }
                    heldBack = true;
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String text;
                synchronized (lock) {
                    if (pending.isEmpty() || sending) {
                        continue; // a flush sent them meanwhile
                    }
                    text = heldBack ? takeBatch() : takeOne();
                    sending = true;
                    throttle.record(System.nanoTime());
                }
                send(text);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                return; // recorded by send
            }
        }
    }

    /** Takes the first pending text (its first {@code maxChars} characters if longer). */
    private String takeOne() {
        String next = pending.removeFirst();
        if (next.length() > maxChars) {
            pending.addFirst(next.substring(maxChars));
            return next.substring(0, maxChars);
        }
        return next;
    }

    /** Takes the pending texts that fit in one MSG (at least one, split if it alone is too long). */
    private String takeBatch() {
        List<String> batch = new ArrayList<>();
        int chars = 0;
        while (!pending.isEmpty()) {
            String next = pending.peekFirst();
            if (batch.isEmpty() && next.length() > maxChars) {
                pending.removeFirst();
                pending.addFirst(next.substring(maxChars));
                return next.substring(0, maxChars);
            }
            if (!batch.isEmpty() && chars + 1 + next.length() > maxChars) {
                break;
            }
            batch.add(pending.removeFirst());
            chars += next.length() + 1;
        }
        if (batch.size() == 1) {
            return batch.get(0);
        }
        return String.join("\n", batch) + "\n(" + batch.size() + " messages merged)";
    }
}
