package io.jdisco.taskio.bench;

import io.jdisco.taskio.DiscoInputOptions.ReadAhead;
import io.jdisco.taskio.PickleCodec;
import io.jdisco.taskio.RecordCodec;
import io.jdisco.taskio.internal.bytes.ByteBuf;
import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.taskio.internal.compress.Compression;
import io.jdisco.taskio.internal.hunk.HunkRecordReader;
import io.jdisco.taskio.internal.hunk.HunkRecordWriter;
import io.jdisco.taskio.internal.pickle.PickleDecoder;
import io.jdisco.taskio.internal.pickle.PickleEncoder;
import io.jdisco.taskio.internal.text.LineRecordReader;
import io.jdisco.taskio.internal.text.ReRecordReader;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation processes a whole data set of {@link BenchData}; {@link BenchMain} turns
 * operations per second into MB/s of uncompressed payload. The {@code raw*} benchmarks are the
 * limit: {@code Deflater(2)}/{@code Inflater} on the same payload, cut in the same 1 MiB hunks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class TaskIoBenchmark {
    static final int HUNK = 1 << 20;
    /** Discards bytes; unlike {@code OutputStream.nullOutputStream()} it stays usable after close. */
    private static final OutputStream DISCARD = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    BenchData data;
    byte[][] pairHunks;
    byte[][] pairHunksCompressed;
    final ByteBuf encoded = new ByteBuf(32 << 20);
    final byte[] inflated = new byte[2 * HUNK];
    final byte[] deflated = new byte[2 * HUNK];
    final PickleEncoder encoder = new PickleEncoder();
    final PickleDecoder decoder = new PickleDecoder();
    final Deflater deflater = new Deflater(2);
    final Inflater inflater = new Inflater();
    final Pattern linePattern = Pattern.compile("([^\\n]*)\\n");

    /** Builds the data sets once and cuts the pair payload into 1 MiB hunks, raw and deflated, for the {@code raw*} limits. */
    @Setup
    public void setup() {
        data = new BenchData();
        int n = (data.pairPayload.length + HUNK - 1) / HUNK;
        pairHunks = new byte[n][];
        pairHunksCompressed = new byte[n][];
        for (int i = 0; i < n; i++) {
            int from = i * HUNK;
            pairHunks[i] = java.util.Arrays.copyOfRange(data.pairPayload, from, Math.min(data.pairPayload.length, from + HUNK));
            deflater.reset();
            deflater.setInput(pairHunks[i]);
            deflater.finish();
            int k = deflater.deflate(deflated);
            pairHunksCompressed[i] = java.util.Arrays.copyOf(deflated, k);
        }
    }

    /** Writing the pair records in the internal format (pickle, level-2 deflate, 1 MiB hunks): what a map task pays per output. */
    @Benchmark
    public void internalWritePairs() throws IOException {
        write(data.pairs);
    }

    /** Writing line records (a text line as key, {@code None} as value), where per-record overhead matters more than compression. */
    @Benchmark
    public void internalWriteLines() throws IOException {
        write(data.lineRecords);
    }

    private void write(List<Tuple> records) throws IOException {
        try (HunkRecordWriter w = new HunkRecordWriter(DISCARD, 2, HUNK, 0, PickleCodec.INSTANCE)) {
            for (int i = 0, n = records.size(); i < n; i++) {
                Tuple t = records.get(i);
                w.add(t.key(), t.value());
            }
        }
    }

    /**
     * Reading the pair file back with the default options, as a reduce task reads an input: from
     * the second hunk on, hunks are read ahead on a second thread when a core is free.
     */
    @Benchmark
    public void internalReadPairs(Blackhole bh) throws IOException {
        read(data.pairFile, bh, ReadAhead.AUTO);
    }

    /** The same on the calling thread alone ({@code ReadAhead.OFF}): the read on one core. */
    @Benchmark
    public void internalReadPairsInline(Blackhole bh) throws IOException {
        read(data.pairFile, bh, ReadAhead.OFF);
    }

    /** Reading the line file back, to compare per-record overhead with {@link #internalReadPairs}. */
    @Benchmark
    public void internalReadLines(Blackhole bh) throws IOException {
        read(data.lineFile, bh, ReadAhead.AUTO);
    }

    /** The same on the calling thread alone. */
    @Benchmark
    public void internalReadLinesInline(Blackhole bh) throws IOException {
        read(data.lineFile, bh, ReadAhead.OFF);
    }

    private void read(byte[] file, Blackhole bh, ReadAhead readAhead) throws IOException {
        try (HunkRecordReader r = new HunkRecordReader(new InputCursor(new ByteArrayInputStream(file), "bench"),
                file.length, false, 1 << 28, PickleCodec.INSTANCE, s -> { }, readAhead)) {
            while (r.advance()) {
                bh.consume(r.current());
            }
        }
    }

    /** The pickle encoder alone (no hunks, no deflate), to tell codec cost from compression cost. */
    @Benchmark
    public int pickleEncodePairs() {
        encoded.reset();
        List<Tuple> pairs = data.pairs;
        for (int i = 0, n = pairs.size(); i < n; i++) {
            encoder.encodeTo(pairs.get(i), encoded);
        }
        return encoded.size();
    }

    /** The pickle decoder alone over the concatenated pair pickles, to tell codec cost from inflate cost. */
    @Benchmark
    public void pickleDecodePairs(Blackhole bh) throws IOException {
        byte[] p = data.pairPayload;
        int pos = 0;
        RecordCodec.Decoder d = decoder;
        while (pos < p.length) {
            bh.consume(d.decode(p, pos, p.length));
            pos = d.end();
        }
    }

    /** The limit for writing: {@code Deflater(2)} alone on the same hunks, with no records or framing. */
    @Benchmark
    public int rawDeflatePairs() {
        int total = 0;
        for (byte[] hunk : pairHunks) {
            deflater.reset();
            deflater.setInput(hunk);
            deflater.finish();
            while (!deflater.finished()) {
                total += deflater.deflate(deflated);
            }
        }
        return total;
    }

    /** The limit for reading: {@code Inflater} alone on the same deflated hunks. */
    @Benchmark
    public int rawInflatePairs() throws DataFormatException {
        int total = 0;
        for (byte[] z : pairHunksCompressed) {
            inflater.reset();
            inflater.setInput(z);
            while (!inflater.finished()) {
                total += inflater.inflate(inflated);
            }
        }
        return total;
    }

    /** Lines from a gzipped text file through the decompress stage and the line reader: the common map input. */
    @Benchmark
    public void gzipLineReading(Blackhole bh) throws IOException {
        var in = Compression.GZIP.wrap(new ByteArrayInputStream(data.gzipText), "bench.gz");
        try (LineRecordReader<Bytes> r = new LineRecordReader<>(new InputCursor(in, "bench.gz"), true, 1 << 20,
                (buf, off, len, at, url) -> Bytes.of(buf, off, len))) {
            while (r.advance()) {
                bh.consume(r.current());
            }
        }
    }

    /** The same text split by the regex reader ({@code re_reader}), whose cost is the regex engine's, for comparison with line reading. */
    @Benchmark
    public void reReaderLines(Blackhole bh) throws IOException {
        try (ReRecordReader r = new ReRecordReader(new ByteArrayInputStream(data.text), data.text.length, "bench",
                linePattern, false, 1 << 20, s -> { })) {
            while (r.advance()) {
                bh.consume(r.current());
            }
        }
    }
}
