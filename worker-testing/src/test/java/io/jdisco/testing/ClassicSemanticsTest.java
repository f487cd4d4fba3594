package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.taskio.OutputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.fn.Emitter;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classic semantics of SPEC §5.5–5.9, run with the test kit. */
class ClassicSemanticsTest {
    @TempDir
    Path dir;

    private ClassicJobTester tester(ClassicJob job) {
        return ClassicJobTester.of(job).workDir(dir);
    }

    @Test
    void emittingMapAndReturningReduceGiveTheSameAsTheOtherForms() throws Exception {
        ClassicJob job = ClassicJob.builder("e")
                .map((Bytes line, Emitter out, Params p) -> out.emit(line.utf8String().trim(), 1L))
                .reduce(ClassicFunctions.sumReduce()).build();
        assertEquals(List.of(Tuple.pair("a", 2L), Tuple.pair("b", 1L)),
                tester(job).inputLines("a", "b", "a").run().sortedResults());
    }

    @Test
    void mapInitConsumesTheHeaderAndReduceInitSetsParams() throws Exception {
        ClassicJob job = ClassicJob.builder("init")
                .mapInit((Iterator<Bytes> entries, Params p) -> p.put("header", entries.next().utf8String().trim()))
                .map((Bytes line, Params p) -> List.of(Tuple.pair(line.utf8String().trim(), p.get("header"))))
                .reduceInit((Iterator<Tuple> entries, Params p) -> p.put("suffix", "!"))
                .reduce((entries, out, p) -> {
                    for (Tuple t : entries) {
                        out.emit(t.key(), t.value() + (String) p.get("suffix"));
                    }
                }).build();
        List<Tuple> r = tester(job).inputLines("H1", "x", "y").inputLines("H2", "z").run().sortedResults();
        assertEquals(List.of(Tuple.pair("x", "H1!"), Tuple.pair("y", "H1!"), Tuple.pair("z", "H2!")), r);
    }

    @Test
    void eachTaskGetsItsOwnCopyOfParams() throws Exception {
        ClassicJob job = ClassicJob.builder("params").params(Params.of("seen", 0L))
                .map((Bytes line, Params p) -> {
                    long n = (Long) p.get("seen") + 1;
                    p.put("seen", n);
                    return List.of(Tuple.pair(line.utf8String().trim(), n));
                }).partitions(0).build();
        List<Tuple> r = tester(job).inputLines("a", "b").inputLines("c", "d").run().sortedResults();
        assertEquals(List.of(Tuple.pair("a", 1L), Tuple.pair("b", 2L), Tuple.pair("c", 1L), Tuple.pair("d", 2L)), r);
        assertEquals(0L, job.worker().get("params") instanceof Params
                ? ((Params) job.worker().get("params")).get("seen") : null, "the client's copy is untouched");
    }

    /** A user's reader: {@code key,value} lines into String pairs. */
    static final class CsvPairs implements ReaderStage<Tuple> {
        private static final long serialVersionUID = 1L;

        @Override
        public RecordReader<Tuple> open(InputLink in, io.jdisco.worker.io.ChainContext context) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in.stream(), StandardCharsets.UTF_8));
            return new RecordReader<>() {
                private Tuple current;

                @Override
                public boolean advance() throws IOException {
                    String line = r.readLine();
                    if (line == null) {
                        current = null;
                        return false;
                    }
                    String[] f = line.split(",", 2);
                    current = Tuple.pair(f[0], f[1]);
                    return true;
                }

                @Override
                public Tuple current() {
                    if (current == null) {
                        throw new NoSuchElementException();
                    }
                    return current;
                }

                @Override
                public void close() throws IOException {
                    r.close();
                }
            };
        }
    }

    @Test
    void customReaderAndPlainOutputStreamReachTheReduce() throws Exception {
        ClassicJob job = ClassicJob.builder("custom").mapReader(new CsvPairs())
                .map(ClassicFunctions.nopMap())
                .mapOutputStream(OutputChain.of(List.of(TaskIo.taskOutputStream()), TaskIo.plainOutputStream()))
                .reduce(ClassicFunctions.nopReduce()).sort(true).build();
        JobRun r = tester(job).inputLines("b,2", "a,1").run();
        Path mapOut = r.tasks("map").get(0).outputs().get(0).file();
        assertEquals("1 b 1 2\n1 a 1 1\n", Files.readString(mapOut), "old text format");
        assertEquals(List.of(Tuple.pair(Bytes.utf8("a"), Bytes.utf8("1")), Tuple.pair(Bytes.utf8("b"), Bytes.utf8("2"))),
                r.results());
    }

    @Test
    void recordInputsReachTheMapThroughChainReader() throws Exception {
        ClassicJob job = ClassicJob.builder("chain").mapReader(TaskIo.chainReader()).map(ClassicFunctions.nopMap())
                .reduce(ClassicFunctions.sumReduce()).build();
        JobRun r = tester(job).inputRecords(Tuple.pair("k", 2L), Tuple.pair("k", 3L)).run();
        assertEquals(List.of(Tuple.pair("k", 5L)), r.results());
    }

    @Test
    void emptyInputMakesNoMapOutputAndNoReduce() throws Exception {
        JobRun r = tester(WordCountJobs.sortedWordCount("empty").partitions(4).build()).inputBytes(new byte[0]).run();
        assertEquals(List.of("map"), r.stages());
        assertTrue(r.tasks("map").get(0).outputs().isEmpty());
        assertEquals(List.of(), r.results());
        assertTrue(r.messages().contains("Done: 0 entries mapped"), r.messages().toString());
    }

    @Test
    void reduceOverAnEmptyInputStillWritesItsOutput() throws Exception {
        JobRun r = tester(ClassicJob.builder("r").reduce(ClassicFunctions.nopReduce()).build()).inputRecords().run();
        assertEquals(1, r.tasks("reduce").get(0).outputs().size());
        assertEquals(0, r.tasks("reduce").get(0).outputs().get(0).label());
        assertEquals(List.of(), r.results());
    }

    @Test
    void nonPartitionedMapWritesOneUnlabelledOutputPerTask() throws Exception {
        JobRun r = tester(ClassicJob.builder("np").map(WordCountJobs::words).partitions(0).build())
                .inputLines("a b").run();
        TaskOutput o = r.tasks("map").get(0).outputs().get(0);
        assertEquals(0, o.label());
        assertTrue(o.path().endsWith("/" + r.tasks("map").get(0).task().uid()), o.path());
    }

    @Test
    void reduceReaderNullHandsLinesAsPairsWithNullValues() throws Exception {
        ClassicJob job = ClassicJob.builder("raw").reduceReader(null).reduce((entries, out, p) -> {
            for (Tuple t : entries) {
                out.emit(t.key(), "mmm");
            }
        }).build();
        JobRun r = tester(job).inputLines("smoothies").run();
        assertEquals(List.of(Tuple.pair(Bytes.utf8("smoothies\n"), "mmm")), r.results());
    }

    @Test
    void aSubSecondMapSaysOnlyItsFinalCountNotOneLinePerInterval() throws Exception {
        // periodic counts come at most once a second (StatusIteratorTest times them with a clock)
        ClassicJob job = ClassicJob.builder("s").map(WordCountJobs::words).statusInterval(2).build();
        List<String> m = tester(job).inputLines("a", "b", "c", "d", "e").run().messages();
        assertTrue(m.contains("Done: 5 entries mapped"), m.toString());
        assertTrue(m.stream().noneMatch(line -> line.matches("\\d+ entries mapped")), m.toString());
        assertTrue(m.contains("Results sent to master"), m.toString());
    }

    @Test
    void pairsKeptByTheReduceKeepTheirValuesAfterIteration() throws Exception {
        ClassicJob job = ClassicJob.builder("fresh").reduce((entries, out, p) -> {
            List<Tuple> all = new ArrayList<>();
            entries.forEach(all::add);
            for (Tuple t : all) {
                out.emit(t.key(), t.value());
            }
        }).sort(true).build();
        List<Tuple> in = List.of(Tuple.pair("k", List.of(1L)), Tuple.pair("k", List.of(2L)), Tuple.pair("j", 3L));
        JobRun r = tester(job).inputRecords(in).run();
        assertEquals(List.of(in.get(2), in.get(0), in.get(1)), r.results(), "no record object was reused");
    }
}
