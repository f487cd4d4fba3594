package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The task outputs the real Disco workers wrote (testdata/vectors §4), read and rewritten. */
class WorkerOutputVectorsTest {
    private final TestContext ctx = new TestContext();

    private List<Object> read(String file) throws IOException {
        return InternalFormatVectorsTest.readAll(Vectors.path(file).toString(), ctx);
    }

    private static Tuple count(String word, long n) {
        return Tuple.pair(Bytes.utf8(word), n);
    }

    @Test
    void classicReduceOutputsHoldTheWordCounts() throws IOException {
        assertEquals(List.of(count("beta", 2), count("gamma", 3)), read("worker_protocol_classic_reduce_3.output_label0.bin"));
        assertEquals(List.of(count("alpha", 3), count("delta", 2), count("epsilon", 1)),
                read("worker_protocol_classic_reduce_4.output_label0.bin"));
    }

    @Test
    void pipelineReduceOutputHoldsTheWordCounts() throws IOException {
        assertEquals(List.of(count("alpha", 3), count("beta", 2), count("delta", 2), count("epsilon", 1),
                count("gamma", 3)), read("worker_protocol_pipeline_reduce_2.output_label0.bin"));
    }

    @Test
    void classicMapOutputsHoldEveryInputWordOnce() throws IOException {
        Map<String, Integer> words = new TreeMap<>();
        for (String f : new String[] {"worker_protocol_classic_map_0.output_label0.bin",
            "worker_protocol_classic_map_0.output_label1.bin", "worker_protocol_classic_map_1.output_label0.bin",
            "worker_protocol_classic_map_1.output_label1.bin"}) {
            for (Object o : read(f)) {
                Tuple t = (Tuple) o;
                assertEquals(1L, t.value());
                words.merge(((Bytes) t.key()).utf8String(), 1, Integer::sum);
            }
        }
        // words1.txt = "alpha beta gamma\nbeta gamma delta\n", words2.txt = "gamma delta epsilon\nalpha alpha\n"
        assertEquals(Map.of("alpha", 3, "beta", 2, "gamma", 3, "delta", 2, "epsilon", 1), words);
    }

    @Test
    void theShuffleOutputIsTheConcatenatedMapOutputsReadAsOneStream() throws IOException {
        List<Object> expected = new ArrayList<>(read("worker_protocol_classic_map_0.output_label1.bin"));
        expected.addAll(read("worker_protocol_classic_map_1.output_label1.bin"));
        assertEquals(expected, read("worker_protocol_classic_map_shuffle_2.output_label1.bin"));
        assertEquals(4, Hunks.parse(Vectors.bytes("worker_protocol_classic_map_shuffle_2.output_label1.bin")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"worker_protocol_classic_map_0.output_label1.bin",
        "worker_protocol_classic_reduce_3.output_label0.bin", "worker_protocol_classic_reduce_4.output_label0.bin",
        "worker_protocol_pipeline_map_1.output_label0.bin", "worker_protocol_pipeline_reduce_2.output_label0.bin"})
    void ourWriterReproducesTheWorkersHunkPayloads(String file) throws IOException {
        List<Object> records = read(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter w = TaskIo.discoOutputStream().open(new OutputLink(out, "mem"), ctx)) {
            for (Object r : records) {
                w.add(((Tuple) r).key(), ((Tuple) r).value());
            }
        }
        List<Hunks.Hunk> theirs = new ArrayList<>(Hunks.parse(Vectors.bytes(file)));
        List<Hunks.Hunk> ours = Hunks.parse(out.toByteArray());
        assertEquals(theirs.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertArrayEquals(theirs.get(i).payload, ours.get(i).payload, "payload of hunk " + i);
            assertEquals(theirs.get(i).crc, ours.get(i).crc, "crc of hunk " + i);
        }
    }
}
