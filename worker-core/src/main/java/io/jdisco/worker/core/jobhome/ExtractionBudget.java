package io.jdisco.worker.core.jobhome;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * What one extraction has left of its {@link ExtractionLimits}: each entry's bytes pass through
 * {@link #entry}'s stream, which counts them against the job home's total and the entry's ratio
 * and stops the write, naming the entry, at the first piece that would break either. Used by one
 * extraction on one thread.
 */
final class ExtractionBudget {
    private final ExtractionLimits limits;
    private long written;

    ExtractionBudget(ExtractionLimits limits) {
        this.limits = limits;
    }

    /**
     * A stream for entry {@code name} of {@code compressedSize} bytes in the archive: it updates
     * {@code crc} and passes the bytes on to {@code out} while they stay within the limits.
     */
    OutputStream entry(String name, long compressedSize, CRC32 crc, OutputStream out) {
        return new FilterOutputStream(out) {
            private long entryBytes;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                entryBytes += len;
                written += len;
                if (written > limits.maxTotalBytes()) {
                    throw new JobHomeException(name, "the job home unpacks to more than "
                            + limits.maxTotalBytes() + " bytes, the master's limit");
                }
                if (entryBytes > ExtractionLimits.RATIO_FLOOR
                        && entryBytes > (double) limits.maxRatio() * Math.max(compressedSize, 1)) {
                    throw new JobHomeException(name, "the entry's " + compressedSize
                            + " compressed bytes unpack to more than " + limits.maxRatio()
                            + " times their size, the master's limit");
                }
                crc.update(b, off, len);
                out.write(b, off, len);
            }
        };
    }
}
