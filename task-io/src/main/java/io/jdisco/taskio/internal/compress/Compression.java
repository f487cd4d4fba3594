package io.jdisco.taskio.internal.compress;

import io.jdisco.worker.DataException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZUtils;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;

/**
 * The compression formats an input may be in, found by magic bytes first and by the URL's suffix
 * second (Commons Compress {@code CompressorStreamFactory.detect}, Beam {@code Compression}).
 * Every member of a concatenated gzip or bzip2 file is read.
 */
public enum Compression {
    /** Not compressed. */
    NONE("", new byte[0]),
    /** gzip, RFC 1952: {@code 1f 8b}. */
    GZIP(".gz", new byte[] {0x1f, (byte) 0x8b}),
    /** bzip2: {@code "BZh"}. */
    BZIP2(".bz2", new byte[] {'B', 'Z', 'h'}),
    /** xz: {@code fd "7zXZ" 00}; needs {@code org.tukaani:xz} on the class path. */
    XZ(".xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
    /** Zstandard: {@code 28 b5 2f fd}; needs {@code com.github.luben:zstd-jni} on the class path. */
    ZSTD(".zst", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    private static final int MAGIC_MAX = 6;
    /** xz dictionaries beyond 256 MiB are refused rather than allocated. */
    private static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

    private final String suffix;
    private final byte[] magic;

    Compression(String suffix, byte[] magic) {
        this.suffix = suffix;
        this.magic = magic;
    }

    /** The format whose magic bytes start {@code head} ({@code n} bytes), or {@code NONE}. */
    static Compression byMagic(byte[] head, int n) {
        for (Compression c : values()) {
            if (c.magic.length > 0 && n >= c.magic.length) {
                boolean match = true;
                for (int i = 0; i < c.magic.length; i++) {
                    match &= head[i] == c.magic[i];
                }
                if (match) {
                    return c;
                }
            }
        }
        return NONE;
    }

    /** The format the URL's suffix names, or {@code NONE}. */
    static Compression bySuffix(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        for (Compression c : values()) {
            if (!c.suffix.isEmpty() && u.endsWith(c.suffix)) {
                return c;
            }
        }
        return NONE;
    }

    /**
     * Wraps {@code raw} in the decompressor of the detected format: magic bytes decide; when they
     * match nothing and the input is not empty, the suffix decides (and a mismatch fails loudly
     * in the decompressor); otherwise the input is returned as is.
     */
    public static InputStream detectAndWrap(InputStream raw, String url) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(MAGIC_MAX);
        byte[] head = new byte[MAGIC_MAX];
        int n = 0;
        try {
            while (n < MAGIC_MAX) {
                int k = in.read(head, n, MAGIC_MAX - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            in.reset();
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException("Read failed at byte " + n + ": " + e.getMessage(), url, e);
        }
        Compression c = byMagic(head, n);
        if (c == NONE && n > 0) {
            c = bySuffix(url);
        }
        return c.wrap(in, url);
    }

    /** Wraps {@code raw} in this format's decompressor; failures become {@link DataException}s. */
    public InputStream wrap(InputStream raw, String url) throws IOException {
        if (this == NONE) {
            return raw;
        }
        CountingInputStream counted = new CountingInputStream(raw);
        InputStream decompressed;
        try {
            switch (this) {
                case GZIP:
                    decompressed = GzipCompressorInputStream.builder().setInputStream(counted)
                            .setDecompressConcatenated(true).get();
                    break;
                case BZIP2:
                    decompressed = new BZip2CompressorInputStream(counted, true);
                    break;
                case XZ:
                    requireAvailable(XZUtils.isXZCompressionAvailable(), "org.tukaani:xz", url);
                    decompressed = XZCompressorInputStream.builder().setInputStream(counted)
                            .setDecompressConcatenated(true).setMemoryLimitKiB(XZ_MEMORY_LIMIT_KIB).get();
                    break;
                default:
                    requireAvailable(ZstdUtils.isZstdCompressionAvailable(), "com.github.luben:zstd-jni", url);
                    decompressed = new ZstdCompressorInputStream(counted);
                    break;
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new DataException("Not a valid " + name().toLowerCase(Locale.ROOT) + " stream: " + e, url, e);
        }
        return new GuardedInputStream(decompressed, name().toLowerCase(Locale.ROOT), url, counted);
    }

    private void requireAvailable(boolean available, String library, String url) throws DataException {
        if (!available) {
            throw new DataException("input is " + name().toLowerCase(Locale.ROOT) + "-compressed; reading it needs "
                    + library + " on the class path", url);
        }
    }
}
