package io.jdisco.taskio.internal.oldformat;

import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * Disco's old text format, {@code old_netstr_reader} (SPEC §7.6): records of two fields, each
 *
 * <pre>
 * &lt;decimal length&gt; SP &lt;length bytes&gt; &lt;one separator byte&gt;     e.g. "5 apple 1 1\n"
 * </pre>
 *
 * yielded as {@code (Bytes key, Bytes value)} pairs. Like Python it reads {@code size} bytes when
 * the size is known; unlike Python (which then fails) it reads to the end of the input when the
 * size is unknown. The separator byte is skipped unchecked, as Python does.
 */
public final class OldNetstrRecordReader implements RecordReader<Tuple> {
    /** Python looks for the space within the next 11 bytes: at most 10 digits. */
    private static final int MAX_LENGTH_DIGITS = 10;

    private final InputCursor in;
    private final long size;
    private final long start;
    private final int maxFieldBytes;
    private Tuple current;

    /** A reader of {@code size} bytes ({@code -1}: to the end) with fields of at most {@code maxFieldBytes}. */
    public OldNetstrRecordReader(InputCursor in, long size, int maxFieldBytes) {
        this.in = in;
        this.size = size;
        this.start = in.offset();
        this.maxFieldBytes = maxFieldBytes;
    }

    @Override
    public boolean advance() throws IOException {
        current = null;
        long read = in.offset() - start;
        if (size >= 0 ? read >= size : in.fill() == 0) {
            return false;
        }
        Bytes key = field();
        Bytes value = field();
        current = Tuple.pair(key, value);
        return true;
    }

    private Bytes field() throws DataException {
        long at = in.offset();
        long length = 0;
        int digits = 0;
        while (true) {
            int b = in.read();
            if (b == ' ' && digits > 0) {
                break;
            }
            if (b < '0' || b > '9' || digits == MAX_LENGTH_DIGITS) {
                throw new DataException("Corrupted input: Could not parse a value length at " + at + " bytes.",
                        in.url());
            }
            length = length * 10 + (b - '0');
            digits++;
        }
        if (length > maxFieldBytes) {
            throw new DataException("Corrupted input: a value of " + length + " bytes at offset " + at
                    + " exceeds the limit of " + maxFieldBytes + " bytes", in.url());
        }
        int n = (int) length;
        byte[] value = new byte[0];
        int got = 0;
        // Grow as bytes arrive, so a corrupt length cannot allocate more than the input holds.
        while (got < n) {
            int want = Math.min(n, Math.max(8192, got * 2));
            value = java.util.Arrays.copyOf(value, want);
            int k = in.readFully(value, got, want - got);
            got += k;
            if (got < want) {
                break;
            }
        }
        if (got < n || in.read() < 0) {
            throw new DataException("Truncated input: Expected a value of " + (n + 1) + " bytes (offset "
                    + in.offset() + " bytes)", in.url());
        }
        return Bytes.of(value);
    }

    @Override
    public Tuple current() {
        if (current == null) {
            throw new NoSuchElementException("no current record: call advance() first");
        }
        return current;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
