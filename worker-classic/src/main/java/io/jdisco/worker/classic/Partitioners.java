package io.jdisco.worker.classic;

import io.jdisco.taskio.PickleCodec;
import io.jdisco.taskio.RecordCodec;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.fn.PartitionFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The partition functions of SPEC §5.6.
 *
 * <p>{@link #md5()} is the default (DESIGN.md §3.3): Python 3 Disco's {@code default_partition},
 * deterministic in every language, so a Java map and a Python 3 map send a key to the same
 * label. {@link #python2Hash()} reproduces Python 2's built-in {@code hash()} for label parity
 * with Python 2 clusters.
 */
public final class Partitioners {
    private Partitioners() {
    }

    /**
     * {@code int(md5(key).hexdigest(), 16) % partitions}: strings are UTF-8 encoded,
     * {@link Bytes} are used as they are, exactly as Python 3 Disco does, so both send such a key
     * to the same label. Any other key a record can hold ({@code Long}, {@code Integer},
     * {@code Double}, {@code Boolean}, {@code null}, {@link Tuple}, {@code List}, {@code Map}, ...)
     * is hashed as its pickle (protocol 1, as {@link PickleCodec} writes it): stable across JVMs
     * and runs, the same label for {@code 5} as an {@code Integer} or a {@code Long}. (Python 3
     * Disco refuses such keys; a job mixing Java and Python maps over them needs its own
     * partition.) A key the pickle codec cannot write is refused, naming its class.
     */
    public static PartitionFunction md5() {
        return Md5Partition.INSTANCE;
    }

    /**
     * {@code hash(key) % partitions} with Python 2's 64-bit {@code hash()} (hash randomisation
     * off): byte strings and strings (as unicode code points), integers within 64 bits, booleans
     * and tuples of these.
     */
    public static PartitionFunction python2Hash() {
        return Py2HashPartition.INSTANCE;
    }

    /** The MD5 digest of a key's bytes, read as an unsigned 128-bit integer, modulo {@code n}. */
    static int md5Mod(byte[] keyBytes, int n) {
        byte[] d = md5Digest(keyBytes);
        // The digest is a big-endian 128-bit number hi:lo. Its remainder, 32 bits at a time below
        // the first 64: each step's dividend (r < n < 2^31, shifted by 32) fits in 63 bits.
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (d[i] & 0xFF);
            lo = lo << 8 | (d[i + 8] & 0xFF);
        }
        long r = Long.remainderUnsigned(hi, n);
        r = ((r << 32) | (lo >>> 32)) % n;
        r = ((r << 32) | (lo & 0xFFFFFFFFL)) % n;
        return (int) r;
    }

    /**
     * One digest per thread: the partition runs once per map output pair, and looking the
     * algorithm up each time cost more than hashing a short key. {@code digest} resets it.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    });

    private static byte[] md5Digest(byte[] data) {
        return MD5.get().digest(data);
    }

    static void checkPartitions(int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partitions must be > 0, got " + partitions);
        }
    }

    private enum Md5Partition implements PartitionFunction {
        INSTANCE;

        @Override
        public int partition(Object key, int partitions, Params params) {
            checkPartitions(partitions);
            byte[] bytes;
            if (key instanceof String) {
                bytes = ((String) key).getBytes(StandardCharsets.UTF_8);
            } else if (key instanceof Bytes) {
                bytes = ((Bytes) key).toByteArray();
            } else {
                bytes = PickledKeys.bytes(key);
            }
            return md5Mod(bytes, partitions);
        }

        @Override
        public String toString() {
            return "Partitioners.md5()";
        }
    }

    /** A key's pickle, made with one encoder and buffer per thread (the partition runs per pair). */
    private static final class PickledKeys {
        private static final ThreadLocal<PickledKeys> LOCAL = ThreadLocal.withInitial(PickledKeys::new);

        private final RecordCodec.Encoder encoder = PickleCodec.INSTANCE.newEncoder();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);

        static byte[] bytes(Object key) {
            PickledKeys local = LOCAL.get();
            local.buffer.reset();
            try {
                local.encoder.encode(key, local.buffer);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the MD5 partition hashes a key as its pickle, and "
                        + key.getClass().getName() + " " + key + " cannot be pickled (" + e.getMessage()
                        + "); give the job a partition function for such keys", e);
            }
            return local.buffer.toByteArray();
        }
    }

    private enum Py2HashPartition implements PartitionFunction {
        INSTANCE;

        @Override
        public int partition(Object key, int partitions, Params params) {
            checkPartitions(partitions);
            return (int) Math.floorMod(Python2Hash.hash(key), (long) partitions);
        }

        @Override
        public String toString() {
            return "Partitioners.python2Hash()";
        }
    }

    /** Python 2.7's {@code hash()} on a 64-bit build, for the key types it is defined on here. */
    static final class Python2Hash {
        private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
        private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

        private Python2Hash() {
        }

        static long hash(Object key) {
            if (key instanceof Bytes) {
                return ofBytes(((Bytes) key).toByteArray());
            }
            if (key instanceof String) {
                return ofCodePoints((String) key);
            }
            if (key instanceof Boolean) {
                return ((Boolean) key) ? 1 : 0;
            }
            if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte) {
                return ofLong(((Number) key).longValue());
            }
            if (key instanceof BigInteger) {
                BigInteger b = (BigInteger) key;
                if (b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0) {
                    return ofLong(b.longValue());
                }
            }
            if (key instanceof Tuple) {
                return ofTuple((Tuple) key);
            }
            throw new IllegalArgumentException("the Python 2 hash partition is not defined for "
                    + (key == null ? "None (its hash is an address)" : key.getClass().getName() + " " + key));
        }

        private static long ofLong(long n) {
            return n == -1 ? -2 : n;
        }

        // x = s[0] << 7; for c in s: x = (1000003 * x) ^ c; x ^= len(s); -1 -> -2
        private static long ofBytes(byte[] s) {
            if (s.length == 0) {
                return 0;
            }
            long x = (long) (s[0] & 0xFF) << 7;
            for (byte b : s) {
                x = (1000003L * x) ^ (b & 0xFF);
            }
            x ^= s.length;
            return x == -1 ? -2 : x;
        }

        // The same algorithm over code points (a UCS-4 build's unicode objects).
        private static long ofCodePoints(String s) {
            int[] cps = s.codePoints().toArray();
            if (cps.length == 0) {
                return 0;
            }
            long x = (long) cps[0] << 7;
            for (int c : cps) {
                x = (1000003L * x) ^ c;
            }
            x ^= cps.length;
            return x == -1 ? -2 : x;
        }

        // x = 0x345678; mult = 1000003; for each item (r items remain after it):
        //   x = (x ^ hash(item)) * mult; mult += 82520 + 2r;  then x += 97531; -1 -> -2
        private static long ofTuple(Tuple t) {
            long x = 0x345678L;
            long mult = 1000003L;
            int len = t.size();
            for (int i = 0; i < len; i++) {
                long y = hash(t.get(i));
                x = (x ^ y) * mult;
                mult += 82520L + 2L * (len - i - 1);
            }
            x += 97531L;
            return x == -1 ? -2 : x;
        }
    }
}
