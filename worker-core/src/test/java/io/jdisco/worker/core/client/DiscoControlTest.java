package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.CommException;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.core.client.FakeMaster.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoControlTest {
    private static final String JOB = "WordCount@5a2:1b3c4:9d2e1";

    private final FakeMaster master;
    private final Disco disco;

    DiscoControlTest() throws IOException {
        master = new FakeMaster();
        disco = new Disco(master.url());
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void submitPostsThePackAndReturnsTheMastersJobName() throws Exception {
        master.route("POST", "/disco/job/new", Reply.json("[\"ok\",\"" + JOB + "\"]"));
        byte[] pack = {(byte) 0xd5, (byte) 0xc0, 0, 1, 0, 0, 0, (byte) 128};
        assertEquals(JOB, disco.submit(pack));
        assertArrayEquals(pack, master.requests("/disco/job/new").get(0).body());
    }

    @Test
    void submitRefusedByTheMasterCarriesItsText() {
        master.route("POST", "/disco/job/new",
                Reply.json("[\"error\",\"Job failed to start: invalid prefix\"]"));
        DiscoException e = assertThrows(DiscoException.class, () -> disco.submit(new byte[8]));
        assertEquals("Failed to submit jobpack: Job failed to start: invalid prefix",
                e.getMessage());
    }

    @Test
    void submitTooLargeIsCommExceptionWithStatusUrlAndBody() {
        master.route("POST", "/disco/job/new", Reply.status(413, "Job packet too large"));
        CommException e = assertThrows(CommException.class, () -> disco.submit(new byte[8]));
        assertEquals(OptionalInt.of(413), e.status());
        assertEquals(master.url() + "/disco/job/new", e.url());
        assertTrue(e.getMessage().contains("Job packet too large"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"kill, kill_job", "purge, purge_job", "clean, clean_job"})
    void controlOperationPostsTheJobNameAsJsonString(String op, String route) throws Exception {
        master.route("POST", "/disco/ctrl/" + route, Reply.json("\"\""));
        switch (op) {
            case "kill":
                disco.kill(JOB);
                break;
            case "purge":
                disco.purge(JOB);
                break;
            default:
                disco.clean(JOB);
        }
        assertEquals("\"" + JOB + "\"", master.requests("/disco/ctrl/" + route).get(0).bodyText());
    }

    @Test
    void validationErrorOfTheMasterIsDecodedIntoTheMessage() {
        master.route("POST", "/disco/ctrl/kill_job",
                Reply.status(400, "\"payload is not a string\""));
        CommException e = assertThrows(CommException.class, () -> disco.kill(JOB));
        assertEquals(OptionalInt.of(400), e.status());
        assertEquals("payload is not a string (400)", e.detail());
    }

    @Test
    void jobsListsStartStatusAndNameNewestFirst() throws Exception {
        master.route("GET", "/disco/ctrl/joblist",
                Reply.json("[[1414411200,\"active\",\"B@1\"],[1414411100,\"dead\",\"A@1\"]]"));
        assertEquals(List.of(
                new JobListing(Instant.ofEpochSecond(1414411200), JobStatus.ACTIVE, "B@1"),
                new JobListing(Instant.ofEpochSecond(1414411100), JobStatus.DEAD, "A@1")),
                disco.jobs());
    }

    @Test
    void stageResultsSendsNameAndStageAndReturnsReplicaLists() throws Exception {
        master.route("GET", "/disco/ctrl/get_stageresults",
                Reply.json("[[\"disco://n1/disco/a\",\"disco://n2/disco/a\"],[\"dir://n1/b\"]]"));
        assertEquals(List.of(List.of("disco://n1/disco/a", "disco://n2/disco/a"),
                List.of("dir://n1/b")), disco.stageResults(JOB, "map"));
        assertEquals("name=WordCount%405a2%3A1b3c4%3A9d2e1&stage=map",
                master.requests("/disco/ctrl/get_stageresults").get(0).query());
    }

    @Test
    void stageResultsOfUnfinishedStageIs404() {
        CommException e = assertThrows(CommException.class,
                () -> disco.stageResults(JOB, "reduce"));
        assertEquals(OptionalInt.of(404), e.status());
        assertTrue(e.url().contains("get_stageresults"), e.url());
    }

    @Test
    void versionIsTheMastersString() throws Exception {
        master.route("GET", "/disco/version", Reply.json("\"0.5.4\""));
        assertEquals("0.5.4", disco.version());
    }

    @Test
    void replyThatIsNotJsonIsDataExceptionNamingTheUrl() {
        master.route("GET", "/disco/ctrl/joblist", Reply.status(200, "<html>oops</html>"));
        DataException e = assertThrows(DataException.class, disco::jobs);
        assertEquals(master.url() + "/disco/ctrl/joblist", e.url());
        assertTrue(e.getMessage().contains("<html>oops</html>"), e.getMessage());
    }

    @Test
    void unreachableMasterIsCommExceptionWithoutStatus() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Disco nowhere = new Disco("http://127.0.0.1:" + port);
        CommException e = assertThrows(CommException.class, nowhere::jobs);
        assertEquals(OptionalInt.empty(), e.status());
        assertTrue(e.url().startsWith("http://127.0.0.1:" + port + "/disco/ctrl/joblist"));
    }

    @Test
    void oobListGivesTheBlobNamesOfTheJobsOobTag() throws Exception {
        master.route("GET", "/ddfs/tag/disco:job:oob:" + JOB, Reply.json("{\"id\":\"t\","
                + "\"urls\":[[\"disco://n1/ddfs/vol0/blob/aa/zeta$5a2-1\"],"
                + "[\"disco://n1/ddfs/vol0/blob/bb/alpha$5a2-2\"]]}"));
        assertEquals(List.of("alpha", "zeta"), disco.oobList(JOB));
    }

    @Test
    void oobListOfJobWithoutTagIsEmpty() throws Exception {
        assertEquals(List.of(), disco.oobList(JOB));
    }

    @Test
    void oobGetFetchesTheBlobFromTheNodeOnTheMastersPort() throws Exception {
        master.route("GET", "/ddfs/tag/disco:job:oob:" + JOB, Reply.json("{\"urls\":["
                + "[\"disco://127.0.0.1/ddfs/vol0/blob/aa/key$5a2-1\"]]}"));
        master.route("GET", "/ddfs/vol0/blob/aa/key$5a2-1",
                new Reply(200, "value".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals("value".getBytes(StandardCharsets.UTF_8), disco.oobGet(JOB, "key"));
    }

    @Test
    void oobGetOfUnknownKeyFails() {
        master.route("GET", "/ddfs/tag/disco:job:oob:" + JOB, Reply.json("{\"urls\":[]}"));
        DiscoException e = assertThrows(DiscoException.class, () -> disco.oobGet(JOB, "nope"));
        assertTrue(e.getMessage().startsWith("Unknown key or jobname"), e.getMessage());
    }

    @Test
    void oobKeyWithUnsafeCharactersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> disco.oobGet(JOB, "a/b"));
    }
}
