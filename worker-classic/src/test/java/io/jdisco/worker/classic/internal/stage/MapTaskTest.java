package io.jdisco.worker.classic.internal.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MapTaskTest {
    @Test
    void theSumsBudgetIsAQuarterOfTheHeapAtMost64MiB() {
        assertEquals(32L << 20, MapTask.sumsBudget(128L << 20));
        assertEquals(64L << 20, MapTask.sumsBudget(8L << 30));
    }
}
