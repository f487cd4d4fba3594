package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpClient;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpClientThreadsTest {
    private static List<Thread> selectors() {
        return Thread.getAllStackTraces().keySet().stream().filter(HttpClientThreads::isSelector)
                .collect(Collectors.toList());
    }

    @Test
    void anIdleClientsSelectorThreadEndsWhenStopped() throws Exception {
        List<Thread> others = selectors();
        HttpClient client = HttpClient.newHttpClient();
        List<Thread> mine = selectors();
        mine.removeAll(others);
        assertEquals(1, mine.size(), "a client has one selector thread: " + client);
        assertEquals(1, HttpClientThreads.stop(mine));
        for (Thread t : mine) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " still runs");
        }
    }

    @Test
    void onlyDaemonThreadsNamedLikeSelectorsCount() {
        assertFalse(HttpClientThreads.isSelector(new Thread(() -> { }, "HttpClient-1-SelectorManager")));
        Thread other = new Thread(() -> { }, "HttpClient-1-Worker-0");
        other.setDaemon(true);
        assertFalse(HttpClientThreads.isSelector(other));
    }
}
