package io.jdisco.taskio.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TaskIoBenchmark} and prints MB/s of uncompressed payload (median of the
 * measurement iterations) with the ratios the task-io README quotes. Arguments are passed to JMH
 * as a benchmark name filter (default: all).
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Entry point: {@code java -jar task-io-bench/target/benchmarks.jar [regex]}. */
    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : TaskIoBenchmark.class.getSimpleName();
        Options opts = new OptionsBuilder().include(include).build();
        Collection<RunResult> results = new Runner(opts).run();

        BenchData data = new BenchData();
        Map<String, Long> bytesPerOp = new LinkedHashMap<>();
        bytesPerOp.put("internalWritePairs", (long) data.pairPayload.length);
        bytesPerOp.put("internalReadPairs", (long) data.pairPayload.length);
        bytesPerOp.put("internalReadPairsInline", (long) data.pairPayload.length);
        bytesPerOp.put("rawDeflatePairs", (long) data.pairPayload.length);
        bytesPerOp.put("rawInflatePairs", (long) data.pairPayload.length);
        bytesPerOp.put("internalWriteLines", (long) data.linePayload.length);
        bytesPerOp.put("internalReadLines", (long) data.linePayload.length);
        bytesPerOp.put("internalReadLinesInline", (long) data.linePayload.length);
        bytesPerOp.put("pickleEncodePairs", (long) data.pairPayload.length);
        bytesPerOp.put("pickleDecodePairs", (long) data.pairPayload.length);
        bytesPerOp.put("gzipLineReading", (long) data.text.length);
        bytesPerOp.put("reReaderLines", (long) data.text.length);

        Map<String, Double> mbps = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.') + 1);
            double opsPerSec = r.getPrimaryResult().getStatistics().getPercentile(50);
            mbps.put(name, opsPerSec * bytesPerOp.getOrDefault(name, 0L) / 1e6);
        }
        System.out.println();
        System.out.println("benchmark                    MB/s (median, uncompressed payload)");
        mbps.forEach((k, v) -> System.out.printf("%-28s %8.1f%n", k, v));
        ratio(mbps, "internalReadPairs", "rawInflatePairs");
        ratio(mbps, "internalReadPairsInline", "rawInflatePairs");
        ratio(mbps, "internalWritePairs", "rawDeflatePairs");
        System.out.printf("payload: pairs %d bytes (%d records), lines %d bytes, text %d bytes%n",
                data.pairPayload.length, BenchData.PAIRS, data.linePayload.length, data.text.length);
    }

    private static void ratio(Map<String, Double> mbps, String ours, String limit) {
        if (mbps.containsKey(ours) && mbps.containsKey(limit)) {
            System.out.printf("%s / %s = %.0f %%%n", ours, limit, 100 * mbps.get(ours) / mbps.get(limit));
        }
    }
}
