package io.jdisco.taskio.internal.compress;

import io.jdisco.worker.DataException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed side of a decompression stage: turns every failure of the decompressor
 * (corrupt data, a stream cut short) into a {@link DataException} naming the URL and the offset
 * in the compressed input, so that such errors are raised, never swallowed.
 */
final class GuardedInputStream extends FilterInputStream {
    private final String format;
    private final String url;
    private final CountingInputStream compressed;

    GuardedInputStream(InputStream decompressed, String format, String url, CountingInputStream compressed) {
        super(decompressed);
        this.format = format;
        this.url = url;
        this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw wrap(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw wrap(e);
        }
    }

    private DataException wrap(Exception e) {
        return new DataException("Corrupt " + format + " data near compressed byte " + compressed.count()
                + ": " + e, url, e);
    }
}
