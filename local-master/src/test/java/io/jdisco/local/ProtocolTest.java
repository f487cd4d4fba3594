package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.core.jobpack.JobPack;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The master's side of the protocol seen from a scripted worker: INPUT_ERR, remote and local outputs. */
class ProtocolTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String run(String prefix, List<Object> urls, String body) throws Exception {
        Map<String, Object> d = TestPacks.pipeline(prefix, List.of(List.of("only", "split", false)),
                List.of(List.of(0, 0, urls)));
        return f.disco.submit(new JobPack(JobPack.VERSION2, d, Map.of(), TestPacks.home(TestPacks.shellWorker(body)),
                new byte[0]).encode());
    }

    @Test
    void inputErrIsAnsweredWithTheOtherReplicasThenFail() throws Exception {
        String job = run("InputErr", List.of("raw://a", "raw://b"),
                "send INPUT_ERR '[0, [0]]'; reply; echo \"$REPLY_LINE\" > replies\n"
                        + "send INPUT_ERR '[0, [0, 1]]'; reply; echo \"$REPLY_LINE\" >> replies\n"
                        + "send INPUT '[\"include\", [0]]'; reply; echo \"$REPLY_LINE\" >> replies\n"
                        + "send DONE '\"\"'; sleep 5");
        assertEquals(List.of(), f.await(job));
        List<String> replies = Files.readAllLines(f.master.discoData().resolve("localhost/" + DiscoNames.hexhash(job)
                + "/" + job + "/replies"));
        assertEquals(List.of("RETRY 15 [[1,\"raw://b\"]]", "FAIL 2 \"\"",
                "INPUT 51 [\"done\",[[0,\"ok\",0,[[0,\"raw://a\"],[1,\"raw://b\"]]]]]"), replies);
    }

    @Test
    void doneGivesTheDirOutputThenRemoteOutputsNewestFirst() throws Exception {
        String job = run("Outputs", List.of("raw://a"),
                "send OUTPUT '[0, \"ab/rel/file-0\", 3]'; reply\n"
                        + "send OUTPUT '[1, \"http://h/r1\", 1]'; reply\n"
                        + "send OUTPUT '[2, \"ab/rel/file-2\", 4]'; reply\n"
                        + "send OUTPUT '[2, \"tag://r2\", 2]'; reply\n"
                        + "send DONE '\"\"'; sleep 5");
        List<List<String>> results = f.await(job);
        assertEquals(3, results.size(), results.toString());
        assertTrue(results.get(0).get(0).matches("dir://localhost/disco/localhost/[0-9a-f]{2}/.*/\\.disco/only-0-\\d+\\.results"),
                results.toString());
        assertEquals(List.of("tag://r2"), results.get(1));
        assertEquals(List.of("http://h/r1"), results.get(2));
        String base = "disco://localhost/disco/localhost/" + DiscoNames.hexhash(job) + "/" + job + "/";
        assertEquals(List.of("0 " + base + "ab/rel/file-0 3", "2 " + base + "ab/rel/file-2 4"),
                f.indexLines(results.get(0).get(0)));
    }
}
