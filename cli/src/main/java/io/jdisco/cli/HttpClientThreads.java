package io.jdisco.cli;

import java.util.Collection;

/**
 * Ends the selector threads of this JVM's {@code java.net.http} clients once a command is done, so
 * that the JVM exits at once.
 *
 * <p>A JDK 17 {@link java.net.http.HttpClient} cannot be closed: each keeps a daemon thread,
 * {@code HttpClient-<n>-SelectorManager}, blocked in {@code epoll_wait} (native code) until the
 * client is garbage collected. When a JVM exits, HotSpot waits up to 300 ms for threads in native
 * code to block ({@code VM_Exit::wait_for_threads_in_native_to_block}), so every command that
 * spoke HTTP paid 0.3 s after its last line. A selector thread leaves its loop when interrupted;
 * the command line interrupts them after every request is done. Nothing else is touched: if a
 * JDK names these threads otherwise, the exit is only slower.
 */
final class HttpClientThreads {
    private HttpClientThreads() {
    }

    /** Interrupts every HTTP client selector thread of this JVM; returns how many there were. */
    static int stop() {
        return stop(Thread.getAllStackTraces().keySet());
    }

    /** Interrupts the HTTP client selector threads among {@code threads}; returns how many there were. */
    static int stop(Collection<Thread> threads) {
        int n = 0;
        for (Thread t : threads) {
            if (isSelector(t)) {
                t.interrupt();
                n++;
            }
        }
        return n;
    }

    /** True for a {@code java.net.http} client's selector thread. */
    static boolean isSelector(Thread t) {
        String name = t.getName();
        return t.isDaemon() && name.startsWith("HttpClient-") && name.endsWith("-SelectorManager");
    }
}
