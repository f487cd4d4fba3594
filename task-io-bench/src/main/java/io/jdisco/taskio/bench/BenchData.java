package io.jdisco.taskio.bench;

import io.jdisco.taskio.PickleCodec;
import io.jdisco.taskio.internal.bytes.ByteBuf;
import io.jdisco.taskio.internal.hunk.HunkRecordWriter;
import io.jdisco.taskio.internal.pickle.PickleEncoder;
import io.jdisco.worker.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The data every benchmark uses, built once with a fixed seed: word-count pairs
 * {@code (String word, Long count)} and text lines {@code (String line, null)}, their pickled
 * payloads (the bytes the internal format compresses) and their internal-format files.
 */
final class BenchData {
    static final int PAIRS = 400_000;
    static final int LINES = 100_000;

    final List<Tuple> pairs = new ArrayList<>(PAIRS);
    final List<Tuple> lineRecords = new ArrayList<>(LINES);
    final byte[] pairPayload;
    final byte[] linePayload;
    final byte[] pairFile;
    final byte[] lineFile;
    final byte[] text;
    final byte[] gzipText;

    BenchData() {
        Random rnd = new Random(42);
        String[] vocabulary = new String[20_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int n = 3 + rnd.nextInt(9);
            for (int k = 0; k < n; k++) {
                w.append((char) ('a' + rnd.nextInt(26)));
            }
            vocabulary[i] = w.toString();
        }
        for (int i = 0; i < PAIRS; i++) {
            pairs.add(Tuple.pair(vocabulary[rnd.nextInt(vocabulary.length)], (long) rnd.nextInt(100_000)));
        }
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            StringBuilder line = new StringBuilder();
            while (line.length() < 70) {
                line.append(vocabulary[rnd.nextInt(vocabulary.length)]).append(' ');
            }
            lineRecords.add(Tuple.pair(line.toString(), null));
            all.append(line).append('\n');
        }
        pairPayload = payload(pairs);
        linePayload = payload(lineRecords);
        pairFile = file(pairs);
        lineFile = file(lineRecords);
        text = all.toString().getBytes(StandardCharsets.US_ASCII);
        gzipText = gzip(text);
    }

    private static byte[] payload(List<Tuple> records) {
        ByteBuf buf = new ByteBuf(1 << 20);
        PickleEncoder e = new PickleEncoder();
        for (Tuple t : records) {
            e.encodeTo(t, buf);
        }
        return buf.toByteArray();
    }

    private static byte[] file(List<Tuple> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HunkRecordWriter w = new HunkRecordWriter(out, 2, 1 << 20, 0, PickleCodec.INSTANCE)) {
            for (Tuple t : records) {
                w.add(t.key(), t.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out, 1 << 16)) {
            g.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
