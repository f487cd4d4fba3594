package io.jdisco.worker.classic.internal.sort;

import io.jdisco.worker.DataException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The external sort's run file: a sequence of entries, each
 * <pre>
 *   u32be keyLength | key bytes | u32be recordLength | record bytes
 * </pre>
 * sorted by key. Private to one task; never read by anything else. The reader closes its file at
 * the end of the entries.
 */
final class RunFile {
    private static final int BUFFER = 64 * 1024;

    private RunFile() {
    }

    static Writer writer(Path path) throws IOException {
        return new Writer(path);
    }

    static Iterator<ExternalSorter.Entry> reader(Path path) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER));
        return new Iterator<>() {
            private ExternalSorter.Entry next = read();
            private long offset;

            private ExternalSorter.Entry read() {
                try {
                    int klen;
                    try {
                        klen = in.readInt();
                    } catch (EOFException end) {
                        in.close();
                        return null;
                    }
                    byte[] key = readBytes(klen);
                    byte[] record = readBytes(in.readInt());
                    offset += 8L + key.length + record.length;
                    return new ExternalSorter.Entry(key, record);
                } catch (IOException e) {
                    closeQuietly(in);
                    throw new UncheckedIOException(new DataException("sort run file is damaged after "
                            + offset + " bytes: " + e.getMessage(), path.toString(), e));
                }
            }

            private byte[] readBytes(int len) throws IOException {
                if (len < 0) {
                    throw new IOException("negative length " + len);
                }
                byte[] b = new byte[len];
                in.readFully(b);
                return b;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ExternalSorter.Entry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                ExternalSorter.Entry e = next;
                next = read();
                return e;
            }
        };
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // the read error being reported is the one that matters
        }
    }

    static final class Writer implements Closeable {
        private final DataOutputStream out;

        private Writer(Path path) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
        }

        void write(byte[] key, byte[] record) throws IOException {
            write(key, 0, key.length, record, 0, record.length);
        }

        /** Writes an entry whose key and record are slices of {@code data}. */
        void write(byte[] data, int keyOffset, int keyLength, int recordOffset, int recordLength) throws IOException {
            write(data, keyOffset, keyLength, data, recordOffset, recordLength);
        }

        private void write(byte[] key, int keyOffset, int keyLength, byte[] record, int recordOffset,
                int recordLength) throws IOException {
            out.writeInt(keyLength);
            out.write(key, keyOffset, keyLength);
            out.writeInt(recordLength);
            out.write(record, recordOffset, recordLength);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
