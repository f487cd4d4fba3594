package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMaster;
import io.jdisco.local.testing.Await;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobEvent;
import io.jdisco.worker.core.client.ResultReader;
import io.jdisco.worker.core.client.RunningJob;
import io.jdisco.worker.core.client.StageProgress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker processes that die or print a lot: the job still comes out exactly right. */
class WorkerFaultTest {
    @TempDir
    static Path tmp;
    private static LocalMaster master;
    private static Disco disco;

    @BeforeAll
    static void start() {
        master = LocalMaster.start();
        disco = new Disco(master.url());
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    @Test
    void workerKilledWithSigkillMidMapIsRetriedAndResultsAreExact() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("alpha beta beta gamma ").append(i % 7).append('\n');
        }
        text.append("SLOW down\n").append("omega alpha\n");
        Path input = tmp.resolve("slow.txt");
        Files.writeString(input, text);
        Path marker = tmp.resolve("stalled");
        ClassicJob job = ClassicJob.builder("SlowWordCount").input("file://" + input).map(FaultJobs::slowWords)
                .reduce(ClassicFunctions.sumReduce()).params(Params.of(FaultJobs.MARKER, marker.toString())).build();
        RunningJob running = job.run(disco);

        Await.until(() -> Await.numberIn(marker) > 0, Duration.ofSeconds(90), "the map reaches the SLOW line");
        long pid = Await.numberIn(marker);
        ProcessHandle worker = ProcessHandle.current().descendants()
                .filter(p -> p.pid() == pid && p.info().commandLine().orElse("").contains("WorkerMain"))
                .findFirst().orElseThrow(() -> new AssertionError("worker " + pid + " is not a WorkerMain child"));
        assertTrue(worker.destroyForcibly(), "SIGKILL not sent");

        Map<Object, Object> counts = new TreeMap<>();
        try (ResultReader<Object> r = running.results()) {
            while (r.advance()) {
                Tuple t = (Tuple) r.current();
                assertEquals(null, counts.put(((Bytes) t.key()).utf8String(), t.value()),
                        "word twice: " + t);
            }
        }
        byte[] expected = Expected.wordCount(text.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        counts.forEach((w, n) -> got.writeBytes((w + "\t" + n + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(sorted(new String(expected, StandardCharsets.UTF_8)), sorted(got.toString(StandardCharsets.UTF_8)));

        StageProgress map = running.info().pipeline().get(0);
        assertEquals("map", map.stage());
        assertEquals(1, map.done(), map.toString());
        assertTrue(map.failed() >= 1, "the killed attempt counts as failed: " + map);
        assertEquals(1, disco.stageResults(running.name(), "map").size(), "one map result, from the retry");
    }

    @Test
    void workerPrintingTenThousandLinesSucceeds() throws Exception {
        ClassicJob job = ClassicJob.builder("ChattyWordCount").input("raw://hello").map(FaultJobs::chattyWords)
                .reduce(ClassicFunctions.sumReduce()).build();
        RunningJob running = job.run(disco);
        List<Object> records = new ArrayList<>();
        try (ResultReader<Object> r = running.results()) {
            while (r.advance()) {
                records.add(r.current());
            }
        }
        assertEquals(List.of(Tuple.pair(Bytes.utf8("hello"), 1L)), records);
        List<JobEvent> events = running.events(0).events();
        assertTrue(events.stream().anyMatch(e -> e.message().contains("chatty line")), "prints became MSG events");
        assertTrue(events.stream().noneMatch(JobEvent::isFailure), events.toString());
    }

    private static List<String> sorted(String lines) {
        return lines.lines().sorted().toList();
    }
}
