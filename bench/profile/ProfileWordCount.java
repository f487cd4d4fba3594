import io.jdisco.examples.WordCount;
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
 * Profiles the word count's tasks with JFR: runs {@code WordCount.job(inputs, 2 partitions, hash
 * reduce, combiner)} on a local master (2 slots, data root OUT_DIR/master) with the classic
 * {@code profile} job argument, so each task writes {@code profile-<uid>.jfr} in its task
 * directory, and copies those files to OUT_DIR. (A worker JVM cannot use
 * {@code -XX:StartFlightRecording}: JFR prints its start-up message on stdout, the protocol pipe.)
 *
 * <p>Run: {@code java -cp examples/target/jdisco-examples.jar bench/profile/ProfileWordCount.java OUT_DIR FILE...}
 */
public final class ProfileWordCount {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        List<String> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            inputs.add("file://" + Path.of(args[i]).toAbsolutePath());
        }
        Files.createDirectories(out);
        LocalMasterConfig config = LocalMasterConfig.builder().dataRoot(out.resolve("master")).slots(2).build();
        try (LocalMaster master = LocalMaster.start(config)) {
            long t0 = System.nanoTime();
            List<List<String>> results = WordCount.job(inputs, 2, false, true)
                    .run(new Disco(master.url()), Map.of("profile", true)).waitFor();
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
