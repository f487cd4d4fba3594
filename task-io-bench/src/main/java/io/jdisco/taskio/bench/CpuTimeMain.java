package io.jdisco.taskio.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cross-check of {@link BenchMain} for shared machines: runs each single-threaded operation of
 * {@link TaskIoBenchmark} repeatedly and reports MB/s from the thread's CPU time (best of the
 * measured runs), which other processes competing for the cores do not inflate. Reads are
 * measured inline ({@code ReadAhead.OFF}): with read-ahead, part of the work happens on another
 * thread, which one thread's CPU time does not see.
 */
public final class CpuTimeMain {
    private static final int WARMUP = 15;
    private static final int RUNS = 15;

    private CpuTimeMain() {
    }

    interface Op {
        void run() throws Exception;
    }

    /** Entry point: {@code java -cp task-io-bench/target/benchmarks.jar io.jdisco.taskio.bench.CpuTimeMain}. */
    public static void main(String[] args) throws Exception {
        TaskIoBenchmark b = new TaskIoBenchmark();
        b.setup();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        BenchData d = b.data;
        Map<String, Double> mbps = new LinkedHashMap<>();
        measure(mbps, "internalWritePairs", d.pairPayload.length, b::internalWritePairs);
        measure(mbps, "rawDeflatePairs", d.pairPayload.length, b::rawDeflatePairs);
        measure(mbps, "internalReadPairsInline", d.pairPayload.length, () -> b.internalReadPairsInline(bh));
        measure(mbps, "rawInflatePairs", d.pairPayload.length, b::rawInflatePairs);
        measure(mbps, "internalWriteLines", d.linePayload.length, b::internalWriteLines);
        measure(mbps, "internalReadLinesInline", d.linePayload.length, () -> b.internalReadLinesInline(bh));
        measure(mbps, "pickleEncodePairs", d.pairPayload.length, b::pickleEncodePairs);
        measure(mbps, "pickleDecodePairs", d.pairPayload.length, () -> b.pickleDecodePairs(bh));
        measure(mbps, "gzipLineReading", d.text.length, () -> b.gzipLineReading(bh));
        measure(mbps, "reReaderLines", d.text.length, () -> b.reReaderLines(bh));
        System.out.println("benchmark                    MB/s of thread CPU time (best of " + RUNS + ")");
        mbps.forEach((k, v) -> System.out.printf("%-28s %8.1f%n", k, v));
        System.out.printf("internalReadPairsInline / rawInflatePairs = %.0f %%%n",
                100 * mbps.get("internalReadPairsInline") / mbps.get("rawInflatePairs"));
        System.out.printf("internalWritePairs / rawDeflatePairs = %.0f %%%n",
                100 * mbps.get("internalWritePairs") / mbps.get("rawDeflatePairs"));
    }

    private static void measure(Map<String, Double> out, String name, long bytes, Op op) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            op.run();
            long t = mx.getCurrentThreadCpuTime() - t0;
            if (i >= WARMUP) {
                best = Math.min(best, t);
            }
        }
        out.put(name, bytes / (best / 1e9) / 1e6);
    }
}
