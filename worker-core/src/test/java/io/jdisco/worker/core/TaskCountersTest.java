package io.jdisco.worker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskCountersTest {
    @Test
    void aTaskWithoutCountersSendsNoLine() {
        assertEquals(Optional.empty(), new TaskCounters().message());
    }

    @Test
    void theLineCarriesEveryCounterSortedByName() {
        TaskCounters c = new TaskCounters();
        c.add("words", 5);
        c.add("lines", 1);
        c.add("words", 2);
        c.add("empty", 0);
        assertEquals(Optional.of("jdisco-counters {\"empty\":0,\"lines\":1,\"words\":7}"), c.message());
        assertEquals(Map.of("empty", 0L, "lines", 1L, "words", 7L), TaskCounters.parse(c.message().get()).get());
    }

    @Test
    void otherStatusLinesAndMalformedOnesAreNotCounters() {
        assertEquals(Optional.empty(), TaskCounters.parse("Done: 3 entries mapped"));
        assertEquals(Optional.empty(), TaskCounters.parse("jdisco-counters {not json"));
        assertEquals(Optional.empty(), TaskCounters.parse("jdisco-counters [1, 2]"));
        assertEquals(Optional.empty(), TaskCounters.parse("jdisco-counters {\"a\": 1.5}"));
    }

    @Test
    void badNamesAreRefusedNamingTheProblem() {
        TaskCounters c = new TaskCounters();
        assertThrows(IllegalArgumentException.class, () -> c.add("", 1));
        assertThrows(IllegalArgumentException.class, () -> c.add("x".repeat(201), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.add("a\tb", 1));
        assertTrue(e.getMessage().contains("control character"), e.getMessage());
    }

    @Test
    void aThousandAndFirstCounterIsRefused() {
        TaskCounters c = new TaskCounters();
        for (int i = 0; i < TaskCounters.MAX_COUNTERS; i++) {
            c.add("c" + i, 1);
        }
        c.add("c0", 1);
        assertThrows(IllegalArgumentException.class, () -> c.add("one more", 1));
    }

    @Test
    void anOverflowIsRefusedRatherThanWrapped() {
        TaskCounters c = new TaskCounters();
        c.add("big", Long.MAX_VALUE);
        assertThrows(IllegalArgumentException.class, () -> c.add("big", 1));
        assertEquals(Long.MAX_VALUE, c.snapshot().get("big"));
    }
}
