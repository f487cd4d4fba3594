package io.jdisco.examples;

import io.jdisco.local.LocalMaster;
import io.jdisco.worker.KeyValue;
import io.jdisco.worker.classic.typed.Combiners;
import io.jdisco.worker.classic.typed.InputFormat;
import io.jdisco.worker.classic.typed.MapReduceJob;
import io.jdisco.worker.classic.typed.MapReduceRun;
import io.jdisco.worker.classic.typed.Results;
import io.jdisco.worker.core.client.Disco;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The example job of the README, verbatim: a word count over one file on an embedded local master. */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    /** Counts the words of the file {@code args[0]} and prints {@code word<TAB>count} lines. */
    public static void main(String[] args) throws Exception {
        try (LocalMaster master = LocalMaster.start()) {        // a real master on 127.0.0.1
            countWords(Path.of(args[0]), new Disco(master.url())).forEach(System.out::println);
        }
    }

    /** Runs the word count of {@code file} on {@code disco}'s master; lines sorted by word. */
    public static List<String> countWords(Path file, Disco disco) throws Exception {
        MapReduceJob<String, Long> job = MapReduceJob.named("WordCount")
                .input("file://" + file.toAbsolutePath())
                .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
                    context.count("lines");
                    for (String word : line.split("\\s+")) {
                        if (!word.isEmpty()) out.collect(word, 1L);
                    }
                })
                .combine(Combiners.sumLongs())                  // sums inside each map task
                .reduce(String.class, Long.class, (word, counts, out, context) -> {
                    long n = 0;
                    for (long c : counts) n += c;               // one call per word, in word order
                    out.collect(word, n);
                })
                .build();
        MapReduceRun<String, Long> run = job.run(disco);
        List<String> lines = new ArrayList<>();
        try (Results<String, Long> results = run.results()) {
            for (KeyValue<String, Long> r : results) {
                lines.add(r.key() + "\t" + r.value());
            }
        }
        System.err.println("lines counted: " + run.counters().get("lines"));
        return lines;
    }
}
