package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.jobhome.LineCountWorker;
import io.jdisco.worker.core.client.FakeMaster.Reply;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.jobpack.JobPack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobTest {
    private final FakeMaster master;

    JobTest() throws Exception {
        master = new FakeMaster();
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private static LineCountWorker worker() {
        LineCountWorker w = new LineCountWorker();
        w.put("input", List.of("raw://a,b"));
        return w;
    }

    @Test
    void runSubmitsAValidPackAndNamesTheJobAsTheMasterDid() throws Exception {
        master.route("POST", "/disco/job/new", Reply.json("[\"ok\",\"Counts@1:2:3\"]"));
        RunningJob running = Job.of(worker()).named("Counts").run(new Disco(master.url()), Map.of("extra", 7));
        assertEquals("Counts@1:2:3", running.name());
        JobPack pack = JobPack.decode(master.requests("/disco/job/new").get(0).body());
        assertEquals("Counts", pack.jobdict().get("prefix"));
        JobData data = JobData.decode(pack.jobdata());
        assertEquals(7, data.jobargs().get("extra"));
        assertEquals("Counts", data.job().get("name"));
    }

    @Test
    void jobArgumentsOverrideSettingsWhichOverrideTheWorker() throws Exception {
        JobPack pack = Job.of(worker()).withSetting("input", (java.io.Serializable) List.of("raw://s"))
                .pack(Map.of());
        assertEquals(List.of("raw://s"), pack.jobdict().get("input"));
        pack = Job.of(worker()).withSetting("input", (java.io.Serializable) List.of("raw://s"))
                .pack(Map.of("input", List.of("raw://arg")));
        assertEquals(List.of("raw://arg"), pack.jobdict().get("input"));
    }

    @Test
    void namesWithSlashOrDotAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Job.of(worker()).named("a.b"));
        assertThrows(IllegalArgumentException.class, () -> Job.of(worker()).named("a/b"));
    }

    @Test
    void refusedJobCarriesTheMastersText() {
        master.route("POST", "/disco/job/new", Reply.json("[\"error\",\"Job failed to start: no slots\"]"));
        Exception e = assertThrows(Exception.class, () -> Job.of(worker()).run(new Disco(master.url())));
        assertTrue(e.getMessage().contains("no slots"), e.getMessage());
    }
}
