package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.KeyGroups;
import io.jdisco.worker.classic.Partitioners;
import io.jdisco.worker.core.WorkerSession;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our classic worker and Python Disco read each other's map outputs (SPEC §7.5): the vectors
 * {@code worker_protocol_classic_*} are the outputs of a real Python 2 word count.
 */
class PythonInteropTest {
    private static final String JOB = "CaptureWordCount@703:c87e9:e1991";

    @TempDir
    Path dir;

    /** Python's map: {@code for word in line.split(): yield word, 1}, words as byte strings. */
    static Iterable<Tuple> pythonWords(Bytes line, Params params) {
        List<Tuple> out = new ArrayList<>();
        for (String w : line.utf8String().trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(Tuple.pair(Bytes.utf8(w), 1L));
            }
        }
        return out;
    }

    /** The same job as the captured one: 2 partitions with Python 2's hash, as its cluster ran. */
    private static ClassicJob capturedJob() {
        return ClassicJob.builder("CaptureWordCount").map(PythonInteropTest::pythonWords).partitions(2)
                .partition(Partitioners.python2Hash())
                .reduce((entries, out, params) -> {
                    for (KeyGroups.Group g : KeyGroups.of(entries)) {
                        long n = 0;
                        for (Object v : g.values()) {
                            n += (Long) v;
                        }
                        out.emit(g.key(), n);
                    }
                })
                .sort(true).build();
    }

    @Test
    void ourMapOutputsAreBytewiseThePicklesPythonWrote() throws Exception {
        JobRun r = ClassicJobTester.of(capturedJob()).inputLines("gamma delta epsilon", "alpha alpha").workDir(dir)
                .run();
        List<TaskOutput> outs = r.tasks("map").get(0).outputs();
        assertEquals(2, outs.size());
        for (TaskOutput o : outs) {
            Path python = Hunks.vector("worker_protocol_classic_map_0.output_label" + o.label() + ".bin");
            assertArrayEquals(Hunks.payload(python), Hunks.payload(o.file()), "label " + o.label());
        }
    }

    @Test
    void ourReduceReadsPythonsMapOutputsThroughAnIndex() throws Exception {
        Path data = dir.resolve("data");
        Path home = data.resolve("localhost").resolve(DiscoNames.hexhash(JOB)).resolve(JOB);
        StringBuilder index = new StringBuilder();
        for (int map = 0; map < 2; map++) {
            for (int label = 0; label < 2; label++) {
                String name = "maps/map-" + map + "-" + label;
                Path f = home.resolve(name);
                Files.createDirectories(f.getParent());
                Files.copy(Hunks.vector("worker_protocol_classic_map_" + map + ".output_label" + label + ".bin"), f);
                index.append(label).append(" disco://localhost/disco/localhost/").append(DiscoNames.hexhash(JOB))
                        .append('/').append(JOB).append('/').append(name).append(' ').append(Files.size(f)).append('\n');
            }
        }
        Files.createDirectories(home.resolve(".disco"));
        Files.write(home.resolve(".disco/map_shuffle-2.results"), index.toString().getBytes(StandardCharsets.UTF_8));
        String dirUrl = "dir://localhost/disco/localhost/" + DiscoNames.hexhash(JOB) + "/" + JOB
                + "/.disco/map_shuffle-2.results";
        for (int label = 0; label < 2; label++) {
            Transcript t = TaskHarness.of(capturedJob().worker(), home).discoData(data).jobname(JOB)
                    .stage("reduce", "group_label", label, "").taskid(3 + label)
                    .input(new MasterInput(label, List.of(dirUrl))).run(Duration.ofSeconds(30));
            assertEquals(WorkerSession.Outcome.DONE, t.outcome(), t.failure());
            OutputMessage out = t.outputs().get(0);
            Path python = Hunks.vector("worker_protocol_classic_reduce_" + (3 + label) + ".output_label0.bin");
            assertArrayEquals(Hunks.payload(python), Hunks.payload(t.file(out)), "reduce of label " + label);
        }
    }
}
