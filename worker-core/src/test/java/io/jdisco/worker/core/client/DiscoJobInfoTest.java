package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.CommException;
import io.jdisco.worker.DataException;
import io.jdisco.worker.core.client.FakeMaster.Reply;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoJobInfoTest {
    private static final String JOB = "WordCount@5a2:1b3c4:9d2e1";
    /** The shape {@code disco_web:render_jobinfo} produces. */
    private static final String INFO = "{\"timestamp\":\"2014/10/27 12:00:00\","
            + "\"active\":\"ready\","
            + "\"pipeline\":[[\"map\",0,0,0,2,1],[\"map_shuffle\",0,0,0,1,0]],"
            + "\"results\":[\"dir://localhost/disco/localhost/97/" + JOB + "/.disco/r\"],"
            + "\"inputs\":[\"http://127.0.0.1:9445/words1.txt\"],"
            + "\"worker\":\"bin/worker\",\"hosts\":[\"localhost\"],\"owner\":\"j\\u00f6rg@x\"}";

    private final FakeMaster master;
    private final Disco disco;

    DiscoJobInfoTest() throws IOException {
        master = new FakeMaster();
        disco = new Disco(master.url());
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void jobInfoParsesEveryField() throws Exception {
        master.route("GET", "/disco/ctrl/jobinfo", Reply.json(INFO));
        JobInfo info = disco.jobInfo(JOB);
        assertEquals(new JobInfo("2014/10/27 12:00:00", JobStatus.READY, "ready",
                List.of(new StageProgress("map", 0, 0, 0, 2, 1),
                        new StageProgress("map_shuffle", 0, 0, 0, 1, 0)),
                List.of("dir://localhost/disco/localhost/97/" + JOB + "/.disco/r"),
                List.of("http://127.0.0.1:9445/words1.txt"), "bin/worker",
                List.of("localhost"), "j\u00f6rg@x"), info);
        assertEquals("name=WordCount%405a2%3A1b3c4%3A9d2e1",
                master.requests("/disco/ctrl/jobinfo").get(0).query());
    }

    @Test
    void initializingJobIsActive() throws Exception {
        master.route("GET", "/disco/ctrl/jobinfo",
                Reply.json(INFO.replace("\"active\":\"ready\"", "\"active\":\"initializing\"")));
        JobInfo info = disco.jobInfo(JOB);
        assertEquals(JobStatus.ACTIVE, info.status());
        assertEquals("initializing", info.statusText());
    }

    @Test
    void unknownJobIs404CommException() {
        CommException e = assertThrows(CommException.class, () -> disco.jobInfo(JOB));
        assertEquals(OptionalInt.of(404), e.status());
    }

    @Test
    void missingFieldIsDataExceptionNamingIt() {
        master.route("GET", "/disco/ctrl/jobinfo",
                Reply.json(INFO.replace("\"owner\"", "\"ownr\"")));
        DataException e = assertThrows(DataException.class, () -> disco.jobInfo(JOB));
        assertTrue(e.getMessage().contains("'owner'"), e.getMessage());
    }
}
