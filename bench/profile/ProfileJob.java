import io.jdisco.examples.SortRecords;
import io.jdisco.examples.WordCount;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.worker.core.client.Disco;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Profiles a job's tasks with JFR: runs {@code wordcount} ({@code WordCount.job(inputs, 2
 * partitions, hash reduce, combiner)}) or {@code sort} ({@code SortRecords.job(inputs, 10-byte
 * keys, 2 partitions)}) on a local master (2 slots, data root OUT_DIR/master) with the classic
 * {@code profile} job argument, so each task writes {@code profile-<uid>.jfr} in its task
 * directory, and copies those files to OUT_DIR. (A worker JVM cannot use
 * {@code -XX:StartFlightRecording}: JFR prints its start-up message on stdout, the protocol pipe.)
 *
 * <p>Run: {@code java -cp cli/target/jdisco.jar bench/profile/ProfileJob.java wordcount|sort OUT_DIR FILE...}
 */
public final class ProfileJob {
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path out = Path.of(args[1]).toAbsolutePath();
        List<String> inputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            inputs.add("file://" + Path.of(args[i]).toAbsolutePath());
        }
        Files.createDirectories(out);
        LocalMasterConfig config = LocalMasterConfig.builder().dataRoot(out.resolve("master")).slots(2).build();
        try (LocalMaster master = LocalMaster.start(config)) {
            long t0 = System.nanoTime();
            ClassicJob job = kind.equals("sort") ? SortRecords.job(inputs, 10, 2).classicJob() : WordCount.job(inputs, 2, false, true).classicJob();
            List<List<String>> results = job.run(new Disco(master.url()), Map.of("profile", true)).waitFor();
            System.err.printf("job done in %.1f s, %d results%n", (System.nanoTime() - t0) / 1e9, results.size());
            try (Stream<Path> files = Files.walk(master.dataRoot())) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(".jfr"))::iterator) {
                    Path copy = out.resolve(f.getFileName());
                    Files.copy(f, copy);
                    System.out.println(copy);
                }
            }
        }
    }
}
