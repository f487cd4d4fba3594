package io.jdisco.testing;

import io.jdisco.taskio.PickleCodec;
import io.jdisco.taskio.RecordCodec;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Run in a child JVM with a small heap by {@link ExternalSortMemoryTest}: writes a reduce input
 * whose records take 4 times the heap, reduces it with {@code sort=true} and a small sort buffer,
 * and prints {@code RESULT heap=<bytes> input=<bytes> count=<n> sorted=<bool> sum=<n>}.
 */
public final class BigSortMain {
    private BigSortMain() {
    }

    /** {@code args[0]}: the work directory. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        long heap = Runtime.getRuntime().maxMemory();
        Path input = dir.resolve("shuffle.disco");
        long[] written = write(input, 4 * heap);
        ClassicJob job = ClassicJob.builder("bigsort").sort(true).sortBufferSize("2M").statusInterval(0)
                .reduce((entries, out, params) -> {
                    String last = null;
                    long n = 0;
                    long sum = 0;
                    boolean sorted = true;
                    for (Tuple t : entries) {
                        String k = (String) t.key();
                        sorted &= last == null || last.compareTo(k) <= 0;
                        last = k;
                        n++;
                        sum += (Long) t.value();
                    }
                    out.emit("count", n);
                    out.emit("sorted", sorted);
                    out.emit("sum", sum);
                }).build();
        List<Tuple> r = ClassicJobTester.of(job).inputFile(input).workDir(dir.resolve("run")).run().results();
        System.out.println("RESULT heap=" + heap + " input=" + written[0] + " expected=" + written[1] + "/"
                + written[2] + " count=" + r.get(0).value() + " sorted=" + r.get(1).value() + " sum=" + r.get(2).value());
    }

    /** Writes random pairs until their pickles total {@code bytes}; returns {bytes, count, sum}. */
    private static long[] write(Path file, long bytes) throws Exception {
        RecordCodec.Encoder enc = PickleCodec.INSTANCE.newEncoder();
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        Random random = new Random(42);
        long total = 0;
        long count = 0;
        long sum = 0;
        try (OutputStream os = Files.newOutputStream(file);
                RecordWriter w = TaskIo.discoOutputStream().open(new OutputLink(os, file.toString()), OfflineContext.INSTANCE)) {
            while (total < bytes) {
                String key = "key-" + Long.toHexString(random.nextLong()) + "-" + Integer.toHexString(random.nextInt());
                long value = random.nextInt(1000);
                Tuple t = Tuple.pair(key, value);
                one.reset();
                enc.encode(t, one);
                total += one.size();
                count++;
                sum += value;
                w.add(key, value);
            }
        }
        return new long[] {total, count, sum};
    }
}
