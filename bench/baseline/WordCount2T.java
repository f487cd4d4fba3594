import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The baseline of bench/run.sh: the word count a Java programmer writes by hand without a
 * framework. Two threads take segments of the input files (at most 32 MiB each) from a queue,
 * read them with 1 MiB buffers, split on the six ASCII whitespace bytes, and count in a
 * {@code HashMap} keyed by byte sequences; the two maps are merged and printed as
 * {@code word<TAB>count} lines sorted by unsigned bytes, the same output as
 * {@code jdisco wordcount}. A word belongs to the segment in which it starts.
 *
 * <p>Run: {@code java bench/baseline/WordCount2T.java FILE...}
 */
public final class WordCount2T {
    private static final int THREADS = 2;
    private static final long SEGMENT = 32L << 20;
    private static final int BUFFER = 1 << 20;

    /** A word's bytes; a probe key is reused for look-ups, a stored key owns a copy. */
    static final class Key {
        byte[] bytes;
        int off;
        int len;
        int hash;

        void set(byte[] b, int o, int l) {
            bytes = b;
            off = o;
            len = l;
            int h = 1;
            for (int i = o; i < o + l; i++) {
                h = 31 * h + b[i];
            }
            hash = h;
        }

        Key copy() {
            Key k = new Key();
            k.bytes = Arrays.copyOfRange(bytes, off, off + len);
            k.off = 0;
            k.len = len;
            k.hash = hash;
            return k;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            Key k = (Key) o;
            if (k.hash != hash || k.len != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (bytes[off + i] != k.bytes[k.off + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    record Segment(Path file, long start, long end) {
    }

    static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    static final class Counter {
        final Map<Key, long[]> counts = new HashMap<>(1 << 16);
        final Key probe = new Key();

        void count(byte[] b, int off, int len) {
            probe.set(b, off, len);
            long[] c = counts.get(probe);
            if (c == null) {
                counts.put(probe.copy(), new long[] {1});
            } else {
                c[0]++;
            }
        }

        void segment(Segment s) throws IOException {
            try (FileChannel ch = FileChannel.open(s.file(), StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(BUFFER);
                byte[] b = buf.array();
                byte[] carry = new byte[256];
                int carryLen = 0;
                boolean skipping = false;
                long pos = s.start();
                if (pos > 0) {
                    ByteBuffer one = ByteBuffer.allocate(1);
                    ch.read(one, pos - 1);
                    skipping = !isSpace(one.get(0));
                }
                boolean inWord = false;
                long size = ch.size();
                outer:
                while (pos < size) {
                    buf.clear();
                    int n = ch.read(buf, pos);
                    if (n <= 0) {
                        break;
                    }
                    int wordStart = 0;
                    for (int i = 0; i < n; i++) {
                        byte c = b[i];
                        if (isSpace(c)) {
                            if (skipping) {
                                skipping = false;
                            } else if (inWord) {
                                if (carryLen == 0) {
                                    count(b, wordStart, i - wordStart);
                                } else {
                                    carry = append(carry, carryLen, b, wordStart, i - wordStart);
                                    count(carry, 0, carryLen + i - wordStart);
                                    carryLen = 0;
                                }
                                inWord = false;
                            }
                            if (pos + i + 1 >= s.end()) {
                                break outer;
                            }
                        } else if (!inWord && !skipping) {
                            inWord = true;
                            wordStart = i;
                        }
                    }
                    if (inWord) {
                        carry = append(carry, carryLen, b, wordStart, n - wordStart);
                        carryLen += n - wordStart;
                    }
                    pos += n;
                }
                if (inWord) {
                    count(carry, 0, carryLen);
                }
            }
        }

        private static byte[] append(byte[] carry, int carryLen, byte[] b, int off, int len) {
            if (carryLen + len > carry.length) {
                carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carryLen + len));
            }
            System.arraycopy(b, off, carry, carryLen, len);
            return carry;
        }
    }

    public static void main(String[] args) throws Exception {
        ConcurrentLinkedQueue<Segment> queue = new ConcurrentLinkedQueue<>();
        for (String a : args) {
            Path p = Path.of(a);
            long size = java.nio.file.Files.size(p);
            long pieces = Math.max(THREADS, (size + SEGMENT - 1) / SEGMENT);
            for (long i = 0; i < pieces; i++) {
                queue.add(new Segment(p, size * i / pieces, size * (i + 1) / pieces));
            }
        }
        List<Counter> counters = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        IOException[] failure = new IOException[1];
        for (int t = 0; t < THREADS; t++) {
            Counter c = new Counter();
            counters.add(c);
            Thread th = new Thread(() -> {
                try {
                    for (Segment s; (s = queue.poll()) != null; ) {
                        c.segment(s);
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        Map<Key, long[]> all = counters.get(0).counts;
        for (int i = 1; i < counters.size(); i++) {
            for (Map.Entry<Key, long[]> e : counters.get(i).counts.entrySet()) {
                long[] c = all.putIfAbsent(e.getKey(), e.getValue());
                if (c != null) {
                    c[0] += e.getValue()[0];
                }
            }
        }
        List<Key> words = new ArrayList<>(all.keySet());
        words.sort((x, y) -> Arrays.compareUnsigned(x.bytes, 0, x.len, y.bytes, 0, y.len));
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        for (Key k : words) {
            out.write(k.bytes, 0, k.len);
            out.write('\t');
            out.write(Long.toString(all.get(k)[0]).getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
        }
        out.flush();
    }
}
