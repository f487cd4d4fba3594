package io.jdisco.examples;

import io.jdisco.local.LocalMaster;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.KeyGroups;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.ResultReader;
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
        ClassicJob job = ClassicJob.builder("WordCount")
                .input("file://" + file.toAbsolutePath())
                .map((Bytes line, Params p) -> {                   // a line, with its \n
                    List<Tuple> words = new ArrayList<>();
                    for (String w : line.utf8String().split("\\s+")) {
                        if (!w.isEmpty()) words.add(Tuple.pair(w, 1L));
                    }
                    return words;
                })
                .combiner(ClassicFunctions.sumCombiner())
                .sort(true)                                         // reduce input sorted by key
                .reduce((entries, out, p) -> {
                    for (KeyGroups.Group g : KeyGroups.of(entries)) {
                        long n = 0;
                        for (Object v : g.values()) n += (Long) v;
                        out.emit(g.key(), n);
                    }
                })
                .build();
        List<String> lines = new ArrayList<>();
        try (ResultReader<Object> results = job.run(disco).results()) {
            while (results.advance()) {
                Tuple t = (Tuple) results.current();
                lines.add(t.key() + "\t" + t.value());
            }
        }
        return lines;
    }
}
