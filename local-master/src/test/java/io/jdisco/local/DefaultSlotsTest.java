package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import org.junit.jupiter.api.Test;

/** How many tasks a master runs at once when it is not told. */
class DefaultSlotsTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void workerProcessesGetASlotPerCore() {
        assertEquals(CORES, LocalMasterConfig.builder().workers(WorkerMode.PROCESSES).build().slots());
        assertEquals(CORES, LocalMasterConfig.builder().workers(WorkerMode.REUSED_PROCESSES).build().slots());
    }

    @Test
    void workersOnThreadsGetTwoSlotsPerCore() {
        assertEquals(2 * CORES, LocalMasterConfig.builder().workers(WorkerMode.THREADS).build().slots());
    }

    @Test
    void slotsGivenAreKeptWhateverTheWorkers() {
        assertEquals(3, LocalMasterConfig.builder().slots(3).workers(WorkerMode.THREADS).build().slots());
        assertEquals(3, LocalMasterConfig.builder().workers(WorkerMode.THREADS).slots(3).build().slots());
    }
}
