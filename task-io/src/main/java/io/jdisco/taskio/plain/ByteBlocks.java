package io.jdisco.taskio.plain;

import io.jdisco.worker.DataException;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A reader stage whose records are the input's bytes in blocks of {@link #BLOCK} bytes (the last
 * one shorter), for copying a result as it is. Every block but the last is full, so replicas of
 * the same bytes give the same blocks and a reader failing over to another replica resumes at the
 * right byte. Each block is a fresh array.
 */
public final class ByteBlocks implements ReaderStage<byte[]> {
    /** Bytes per block: large reads and writes, few records. */
    public static final int BLOCK = 1 << 20;
    private static final long serialVersionUID = 1L;

    @Override
    public RecordReader<byte[]> open(InputLink in, ChainContext context) {
        return new BlockReader(Objects.requireNonNull(in.stream(), "the input stream"), in.url());
    }

    @Override
    public String toString() {
        return "byte_blocks";
    }

    private static final class BlockReader implements RecordReader<byte[]> {
        private final InputStream in;
        private final String url;
        private long offset;
        private byte[] current;
        private boolean ended;

        BlockReader(InputStream in, String url) {
            this.in = in;
            this.url = url;
        }

        @Override
        public boolean advance() throws IOException {
            current = null;
            if (ended) {
                return false;
            }
            byte[] block = new byte[BLOCK];
            int n;
            try {
                n = in.readNBytes(block, 0, BLOCK);
            } catch (DataException e) {
                throw e;
            } catch (IOException e) {
                throw new DataException("Read failed at byte " + offset + ": " + e.getMessage(), url, e);
            }
            offset += n;
            if (n < BLOCK) {
                ended = true;
                if (n == 0) {
                    return false;
                }
                byte[] last = new byte[n];
                System.arraycopy(block, 0, last, 0, n);
                block = last;
            }
            current = block;
            return true;
        }

        @Override
        public byte[] current() {
            if (current == null) {
                throw new NoSuchElementException("no current block: call advance() first");
            }
            return current;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
