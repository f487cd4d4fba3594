package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs for the hunk and pickle readers, with a fixed seed: nothing but
 * {@link DataException} may come out, nothing may hang, and no case may allocate much more than
 * the record bound.
 */
class FuzzTest {
    private static final int CASES = 3000;
    private static final int MAX_HUNK = 1 << 20;
    /** Bound + inflate and copy buffers: a case allocating more than this is a leak of the bound. */
    private static final long MAX_ALLOCATED_PER_CASE = 16L * MAX_HUNK;

    private final TestContext ctx = new TestContext();

    static List<byte[]> hunkSeeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : new String[] {"internal_py2_default.bin", "internal_py2_multihunk.bin",
            "internal_py2_uncompressed.bin", "internal_py3_default.bin", "internal_py3_multihunk_uncompressed.bin",
            "internal_py2_v0_text.bin"}) {
            seeds.add(Vectors.bytes(f));
        }
        return seeds;
    }

    static List<byte[]> pickleSeeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String hex : PickleCodecTest.PY3) {
            seeds.add(HexFormat.of().parseHex(hex));
        }
        seeds.add(PickleCodecTest.encode(Tuple.pair("key", List.of(1L, 2.5, Tuple.of("x", null)))));
        seeds.add("(S'a\\n'\nI01\nV\\u00e9\nF-2.5\nL12L\n(dp1\nS'k'\np2\nNst.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return seeds;
    }

    static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        switch (rnd.nextInt(6)) {
            case 0: { // flip a few bytes
                int n = 1 + rnd.nextInt(4);
                for (int i = 0; i < n && b.length > 0; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return b;
            }
            case 1: // truncate
                return Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length));
            case 2: { // overwrite a length-like field with a huge or odd value
                if (b.length > 8) {
                    int p = rnd.nextInt(b.length - 8);
                    for (int i = 0; i < 8; i++) {
                        b[p + i] = (byte) (rnd.nextBoolean() ? 0xff : rnd.nextInt(256));
                    }
                }
                return b;
            }
            case 3: { // insert random bytes
                int p = b.length == 0 ? 0 : rnd.nextInt(b.length);
                byte[] ins = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(ins);
                return Hunks.concat(Arrays.copyOf(b, p), ins, Arrays.copyOfRange(b, p, b.length));
            }
            case 4: { // random bytes
                byte[] r = new byte[rnd.nextInt(300)];
                rnd.nextBytes(r);
                if (r.length > 0 && rnd.nextBoolean()) {
                    r[0] = (byte) 0x81;
                }
                return r;
            }
            default: { // duplicate a slice
                if (b.length < 2) {
                    return b;
                }
                int from = rnd.nextInt(b.length - 1);
                int to = from + 1 + rnd.nextInt(b.length - from - 1);
                return Hunks.concat(Arrays.copyOf(b, to), Arrays.copyOfRange(b, from, b.length));
            }
        }
    }

    @Test
    void hunkReaderOnlyEverThrowsDataException() throws IOException {
        List<byte[]> seeds = hunkSeeds();
        Random rnd = new Random(0x5EED_0001L);
        ReaderStage<Object> strict = TaskIo.discoInputStream(false, MAX_HUNK, PickleCodec.INSTANCE);
        ReaderStage<Object> lenient = TaskIo.discoInputStream(true, MAX_HUNK, PickleCodec.INSTANCE);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int c = 0; c < CASES; c++) {
                byte[] input = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                ReaderStage<Object> stage = c % 2 == 0 ? strict : lenient;
                runCase(c, input, () -> {
                    readAll(stage, input);
                    return null;
                });
            }
        });
    }

    @Test
    void pickleDecoderOnlyEverThrowsDataException() throws IOException {
        List<byte[]> seeds = pickleSeeds();
        Random rnd = new Random(0x5EED_0002L);
        RecordCodec.Decoder decoder = PickleCodec.INSTANCE.newDecoder();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int c = 0; c < CASES; c++) {
                byte[] input = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                runCase(c, input, () -> {
                    int pos = 0;
                    while (pos < input.length) {
                        decoder.decode(input, pos, input.length);
                        pos = decoder.end();
                    }
                    return null;
                });
            }
        });
    }

    private void readAll(ReaderStage<Object> stage, byte[] input) throws IOException {
        InputLink link = new InputLink(new ByteArrayInputStream(input), input.length, "fuzz://case");
        try (RecordReader<Object> r = stage.open(link, ctx)) {
            while (r.advance()) {
                r.current();
            }
        }
    }

    interface Case {
        Object run() throws Exception;
    }

    private static void runCase(int index, byte[] input, Case body) {
        long before = allocated();
        try {
            body.run();
        } catch (DataException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
        } catch (Throwable t) {
            fail("case " + index + " threw " + t + " for input " + HexFormat.of().formatHex(input), t);
        }
        long used = allocated() - before;
        if (before >= 0 && used > MAX_ALLOCATED_PER_CASE) {
            fail("case " + index + " allocated " + used + " bytes for " + input.length + " input bytes");
        }
    }

    private static long allocated() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx instanceof com.sun.management.ThreadMXBean) {
            return ((com.sun.management.ThreadMXBean) mx).getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
