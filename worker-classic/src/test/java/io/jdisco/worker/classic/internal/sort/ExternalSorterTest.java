package io.jdisco.worker.classic.internal.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Tuple;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {
    /** Java serialization stands in for the record codec: the sorter does not care. */
    static final PairCodec JAVA = new PairCodec() {
        @Override
        public byte[] encode(Tuple pair) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(b)) {
                o.writeObject(pair);
            }
            return b.toByteArray();
        }

        @Override
        public Tuple decode(byte[] data, int offset, int length) throws IOException {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data, offset, length))) {
                return (Tuple) in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }
    };

    @TempDir
    Path dir;

    private static List<Tuple> drain(Iterator<Tuple> it) {
        List<Tuple> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<Tuple> randomPairs(int n, long seed) {
        Random r = new Random(seed);
        List<Tuple> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pairs.add(Tuple.pair("k" + r.nextInt(n / 3 + 1), (long) i));
        }
        return pairs;
    }

    private static List<Tuple> stableSorted(List<Tuple> pairs) {
        List<Tuple> expected = new ArrayList<>(pairs);
        expected.sort(Comparator.comparing(t -> (String) t.key()));
        return expected;
    }

    @Test
    void sortsInMemoryWhenTheBufferSuffices() throws IOException {
        List<Tuple> pairs = randomPairs(500, 1);
        try (ExternalSorter s = new ExternalSorter(dir, 1L << 30, JAVA)) {
            for (Tuple t : pairs) {
                s.add(t);
            }
            assertEquals(stableSorted(pairs), drain(s.sorted()));
            assertEquals(0, s.runCount());
        }
    }

    @Test
    void spillsRunsAndMergesThemStably() throws IOException {
        List<Tuple> pairs = randomPairs(5000, 2);
        try (ExternalSorter s = new ExternalSorter(dir, 20_000, JAVA)) {
            for (Tuple t : pairs) {
                s.add(t);
            }
            List<Tuple> sorted = drain(s.sorted());
            assertTrue(s.runCount() > 1, "several runs were spilled");
            assertEquals(stableSorted(pairs), sorted);
        }
    }

    /**
     * More than twice {@link ExternalSorter#MAX_FAN_IN} runs of a dozen pairs each: two passes
     * collapse runs (the second one merging the first one's output with fresh runs) before the
     * last merge, and equal keys spread over many runs keep their input order throughout. A 4.5 KB
     * budget holds about 13 of these pairs (a 4 KiB block plus the index); a smaller one would
     * spill every pair into a file of its own.
     */
    @Test
    void mergesMoreRunsThanTheFanInInSeveralPasses() throws IOException {
        List<Tuple> pairs = randomPairs(2000, 3);
        try (ExternalSorter s = new ExternalSorter(dir, 4_500, JAVA)) {
            for (Tuple t : pairs) {
                s.add(t);
            }
            assertTrue(s.runCount() > 2 * ExternalSorter.MAX_FAN_IN, "runs spilled: " + s.runCount());
            assertTrue(s.runCount() < pairs.size() / 4, "runs of several pairs each: " + s.runCount());
            List<Tuple> sorted = drain(s.sorted());
            assertEquals(stableSorted(pairs), sorted);
        }
    }

    /**
     * Keys and values larger than the run files' 64 KiB buffers and than the sort buffer's
     * budget, among small pairs: each big pair fills the buffer on its own and is spilled, and
     * every one comes back whole, in order.
     */
    @Test
    void sortsRecordsLargerThanTheBufferAndTheRunFilesBuffers() throws IOException {
        Random r = new Random(5);
        List<Tuple> pairs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String key = "k" + r.nextInt(20);
            if (i % 10 == 3) {
                key = key + "x".repeat(70_000 + r.nextInt(50_000));
            }
            String value = i % 7 == 0 ? "v".repeat(100_000 + r.nextInt(200_000)) : "v" + i;
            pairs.add(Tuple.pair(key, value));
        }
        try (ExternalSorter s = new ExternalSorter(dir, 64 * 1024, JAVA)) {
            for (Tuple t : pairs) {
                s.add(t);
            }
            assertTrue(s.runCount() >= 15, "every big pair spills: " + s.runCount());
            assertEquals(stableSorted(pairs), drain(s.sorted()));
        }
    }

    @Test
    void closeDeletesRunFiles() throws IOException {
        ExternalSorter s = new ExternalSorter(dir, 5_000, JAVA);
        for (Tuple t : randomPairs(2000, 4)) {
            s.add(t);
        }
        drain(s.sorted());
        s.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void handsOutFreshObjects() throws IOException {
        Tuple original = Tuple.pair("a", new ArrayList<>(List.of(1L)));
        try (ExternalSorter s = new ExternalSorter(dir, 1L << 20, JAVA)) {
            s.add(original);
            Tuple back = s.sorted().next();
            assertEquals(original, back);
            assertNotSame(original, back);
        }
    }

    @Test
    void refusesNonPairsAndLateAdds() throws IOException {
        try (ExternalSorter s = new ExternalSorter(dir, 1L << 20, JAVA)) {
            assertThrows(IllegalArgumentException.class, () -> s.add(Tuple.of(1, 2, 3)));
            s.sorted();
            assertThrows(IllegalStateException.class, () -> s.add(Tuple.pair(1, 2)));
            assertThrows(IllegalStateException.class, s::sorted);
        }
    }
}
