package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.ClassicWorker;
import io.jdisco.worker.fn.Emitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subclass style of writing a job, and task profiles. */
class ProfileAndSubclassTest {
    @TempDir
    Path dir;

    /** Word count written by overriding the classic worker's map and reduce. */
    static final class WordCount extends ClassicWorker {
        private static final long serialVersionUID = 1L;

        WordCount() {
            put("partitions", 2);
            put("sort", true);
        }

        @Override
        protected Iterable<Tuple> map(Object entry, Params params) {
            return WordCountJobs.words((Bytes) entry, params);
        }

        @Override
        protected void reduce(Iterable<Tuple> entries, Emitter out, Params params) throws java.io.IOException {
            for (io.jdisco.worker.classic.KeyGroups.Group g : io.jdisco.worker.classic.KeyGroups.of(entries)) {
                long n = 0;
                for (Object v : g.values()) {
                    n += (Long) v;
                }
                out.emit(g.key(), n);
            }
        }
    }

    @Test
    void subclassOverridingMapAndReduceCountsWords() throws Exception {
        JobRun r = ClassicJobTester.of("wc", new WordCount()).inputLines(WordCountJobs.INPUT1)
                .inputLines(WordCountJobs.INPUT2).workDir(dir).run();
        assertEquals(WordCountJobs.COUNTS, r.sortedResults());
        assertEquals(2, r.tasks("reduce").size());
    }

    @Test
    void profiledTaskLeavesAFlightRecordingAndSaysWhere() throws Exception {
        ClassicJob job = ClassicJob.builder("prof").map(WordCountJobs::words).profile(true).build();
        JobRun r = ClassicJobTester.of(job).inputLines("a b").workDir(dir).run();
        InMemoryNode.TaskRun map = r.tasks("map").get(0);
        String name = "profile-" + map.task().uid() + ".jfr";
        Path jfr = map.task().localPath(name);
        assertTrue(Files.size(jfr) > 0, "recording at " + jfr);
        String url = map.task().url(name);
        assertTrue(r.messages().stream().anyMatch(m -> m.startsWith("Profile of this task recorded: " + url)),
                r.messages().toString());
        assertEquals(List.of("a", "b"), r.results().stream().map(Tuple::key).sorted().toList());
    }
}
