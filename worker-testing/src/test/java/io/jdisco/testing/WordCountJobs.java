package io.jdisco.testing;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.KeyGroups;
import java.util.ArrayList;
import java.util.List;

/** Word count jobs for the tests, in the shapes users write them. */
final class WordCountJobs {
    private WordCountJobs() {
    }

    /** The words of a line as (word, 1) pairs; words are Strings. */
    static Iterable<Tuple> words(Bytes line, Params params) {
        List<Tuple> out = new ArrayList<>();
        for (String w : line.utf8String().trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(Tuple.pair(w, 1L));
            }
        }
        return out;
    }

    /** A word count: map to (word, 1), sum per word with kvgroup over sorted input. */
    static ClassicJob.Builder sortedWordCount(String name) {
        return ClassicJob.builder(name)
                .map(WordCountJobs::words)
                .reduce((entries, out, params) -> {
                    for (KeyGroups.Group g : KeyGroups.of(entries)) {
                        long sum = 0;
                        for (Object v : g.values()) {
                            sum += (Long) v;
                        }
                        out.emit(g.key(), sum);
                    }
                })
                .sort(true);
    }

    /** A word count whose reduce returns its sums and needs no sort. */
    static ClassicJob.Builder summingWordCount(String name) {
        return ClassicJob.builder(name).map(WordCountJobs::words).reduce(ClassicFunctions.sumReduce());
    }

    /** The expected counts of {@link #TEXT}, sorted by word. */
    static final List<Tuple> COUNTS = List.of(Tuple.pair("alpha", 3L), Tuple.pair("beta", 2L),
            Tuple.pair("delta", 2L), Tuple.pair("epsilon", 1L), Tuple.pair("gamma", 3L));

    /** The two inputs of Disco's captured word count (testdata/vectors/README.md §4). */
    static final String[] INPUT1 = {"alpha beta gamma", "beta gamma delta"};
    static final String[] INPUT2 = {"gamma delta epsilon", "alpha alpha"};
}
