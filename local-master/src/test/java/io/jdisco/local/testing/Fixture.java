package io.jdisco.local.testing;

import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A started local master with short timers, a client of it, and readers of results. */
public final class Fixture implements AutoCloseable {
    /** The master. */
    public final LocalMaster master;
    /** A client of it. */
    public final Disco disco;

    /** A master with the test configuration. */
    public Fixture() {
        this(config().build());
    }

    /** A master with {@code config}. */
    public Fixture(LocalMasterConfig config) {
        this.master = LocalMaster.start(config);
        this.disco = new Disco(master.url());
    }

    /** The test configuration: 2 slots, no nice, short back-off and timers. */
    public static LocalMasterConfig.Builder config() {
        return LocalMasterConfig.builder().slots(2).nice(false).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .maxFailures(3).lastWordsTimeout(Duration.ofSeconds(2)).pidTimeout(Duration.ofSeconds(20));
    }

    /** Waits for the job (polling fast, at most 60 s) and returns its results. */
    public List<List<String>> await(String job) throws IOException, InterruptedException {
        try {
            return disco.waitFor(job, Duration.ofMillis(100), Duration.ofSeconds(60));
        } catch (io.jdisco.worker.JobException e) {
            e.addSuppressed(new AssertionError("events of " + job + ":\n" + String.join("\n", events(job))));
            throw e;
        }
    }

    /** The local file of a {@code disco://}/{@code dir://} URL of this master's node. */
    public Path local(String url) {
        String prefix = "://" + master.host() + "/disco/";
        int at = url.indexOf(prefix);
        if (at < 0) {
            throw new IllegalArgumentException("not a /disco/ URL of this node: " + url);
        }
        return master.discoData().resolve(url.substring(at + prefix.length()));
    }

    /** The lines of an index file named by a {@code dir://} result. */
    public List<String> indexLines(String dirUrl) throws IOException {
        return Files.readAllLines(local(dirUrl), StandardCharsets.UTF_8);
    }

    /** word → count over every output file listed in the {@code dir://} results. */
    public Map<String, Long> counts(List<List<String>> results) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (List<String> r : results) {
            for (String line : indexLines(r.get(0))) {
                for (String rec : Files.readAllLines(local(line.split(" ")[1]), StandardCharsets.UTF_8)) {
                    String[] kv = rec.split("\t");
                    counts.merge(kv[0], Long.parseLong(kv[1]), Long::sum);
                }
            }
        }
        return counts;
    }

    /** The messages of the job's events. */
    public List<String> events(String job) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (JobEvent e : disco.events(job, 0).events()) {
            out.add(e.message());
        }
        return out;
    }

    @Override
    public void close() {
        master.close();
    }
}
