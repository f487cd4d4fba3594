package io.jdisco.worker.core.protocol.channel;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads a {@link MasterChannel} reads the master's replies on and a
 * {@link StatusMessenger} sends its {@code MSG}s from, pooled for the JVM: a worker process runs
 * one session (or, reused, one after another), but a program that runs many sessions on its
 * threads (the local master's in-process mode) made two threads per task, each a {@code clone}
 * and a stack. A pooled thread takes the session's name while it serves it; idle ones end after
 * 10 s. The pool grows only as far as sessions run at once.
 */
final class ProtocolThreads {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "jdisco-protocol-idle-" + IDS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private ProtocolThreads() {
    }

    /** Runs {@code body} on a pooled daemon thread called {@code name} while it runs. */
    static void start(String name, Runnable body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        POOL.execute(() -> {
            Thread self = Thread.currentThread();
            String idle = self.getName();
            self.setName(name);
            try {
                body.run();
            } finally {
                Thread.interrupted();
                self.setName(idle);
            }
        });
    }
}
