package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.core.WorkerSession;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map_shuffle of big map outputs: a label's files of this job of 16 MiB or more are each
 * passed on as an output of the label, hard-linked, instead of copied into one; small ones are
 * still concatenated into one output (SPEC §5.8).
 */
class ShuffleLinksTest {
    private static final String JOB = "Links@704:a0000:00001";
    private static final long BIG = 16L << 20;

    @TempDir
    Path dir;

    @Test
    void bigFilesOfALabelAreEachLinkedAndSmallOnesConcatenatedInOrder() throws Exception {
        Path data = dir.resolve("data");
        Path home = data.resolve("localhost").resolve(DiscoNames.hexhash(JOB)).resolve(JOB);
        StringBuilder index = new StringBuilder();
        Path[] big = new Path[2];
        ByteArrayOutputStream smallBytes = new ByteArrayOutputStream();
        for (int map = 0; map < 2; map++) {
            big[map] = file(home, "maps/map-" + map + "-0", BIG + map, "big" + map);
            Path small = file(home, "maps/map-" + map + "-1", 0, "small" + map);
            smallBytes.write(Files.readAllBytes(small));
            for (Path f : List.of(big[map], small)) {
                int label = f == small ? 1 : 0;
                index.append(label).append(" disco://localhost/disco/localhost/").append(DiscoNames.hexhash(JOB))
                        .append('/').append(JOB).append('/').append(home.relativize(f)).append(' ')
                        .append(Files.size(f)).append('\n');
            }
        }
        Files.createDirectories(home.resolve(".disco"));
        Files.write(home.resolve(".disco/map-1.results"), index.toString().getBytes(StandardCharsets.UTF_8));
        String dirUrl = "dir://localhost/disco/localhost/" + DiscoNames.hexhash(JOB) + "/" + JOB + "/.disco/map-1.results";

        ClassicJob job = ClassicJob.builder("links").map((e, p) -> List.of()).partitions(2).build();
        Transcript t = TaskHarness.of(job.worker(), home).discoData(data).jobname(JOB)
                .stage("map_shuffle", "group_node", "all", "localhost").taskid(2)
                .input(new MasterInput("all", List.of(dirUrl))).run(Duration.ofSeconds(30));

        assertEquals(WorkerSession.Outcome.DONE, t.outcome(), t.failure());
        List<OutputMessage> outs = t.outputs();
        assertEquals(List.of(0, 0, 1), outs.stream().map(OutputMessage::label).toList());
        assertTrue(Files.isSameFile(big[0], t.file(outs.get(0))), "the first big file, linked");
        assertTrue(Files.isSameFile(big[1], t.file(outs.get(1))), "the second big file, linked");
        assertTrue(outs.get(1).location().endsWith(outs.get(0).location() + "-1"), outs.toString());
        assertFalse(Files.isSameFile(big[0], t.file(outs.get(2))));
        assertArrayEquals(smallBytes.toByteArray(), Files.readAllBytes(t.file(outs.get(2))), "small files concatenated");
    }

    /** A file of {@code text} then, when {@code size} is larger, zeros up to {@code size} bytes. */
    private static Path file(Path home, String name, long size, String text) throws Exception {
        Path f = home.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        if (size > text.length()) {
            try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
                r.setLength(size);
            }
        }
        return f;
    }
}
