package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.CommException;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.MasterTransport;
import io.jdisco.worker.core.jobpack.JobPack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The master's API called in process ({@link LocalMaster#transport()}): the same routes as over HTTP. */
class InProcessTransportTest {
    private static Fixture f;
    private static Disco inProcess;

    @BeforeAll
    static void start() {
        f = new Fixture();
        inProcess = new Disco(f.master.url(), f.master.transport());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aJobSubmittedInProcessRunsAndItsResultsAreThoseOverHttp() throws Exception {
        String job = inProcess.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("InProcess", List.of("raw://a,b,a"), true, true, 1), Map.of()));
        List<List<String>> results = inProcess.waitFor(job, Duration.ofMillis(100), Duration.ofSeconds(60));
        assertEquals(f.disco.waitFor(job, Duration.ofMillis(100), Duration.ofSeconds(60)), results);
        assertEquals(Map.of("a", 2L, "b", 1L), f.counts(results));
        assertEquals(f.disco.jobInfo(job).status(), inProcess.jobInfo(job).status());
    }

    @Test
    void theVersionIsTheOneTheHttpApiReports() throws Exception {
        assertEquals(f.disco.version(), inProcess.version());
    }

    @Test
    void anUnknownJobIsTheMastersErrorStatusAndText() throws Exception {
        CommException overHttp = assertThrows(CommException.class, () -> f.disco.jobInfo("NoSuchJob@1:2:3"));
        CommException here = assertThrows(CommException.class, () -> inProcess.jobInfo("NoSuchJob@1:2:3"));
        assertEquals(overHttp.getMessage(), here.getMessage());
    }

    @Test
    void aUrlOfAnotherServerIsNotReachedInProcess() {
        MasterTransport transport = f.master.transport();
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> transport.send("GET",
                "http://example.com/x", Map.of(), new byte[0], Duration.ZERO));
        assertTrue(e.getMessage().contains("http://example.com/x"), e.getMessage());
    }
}
