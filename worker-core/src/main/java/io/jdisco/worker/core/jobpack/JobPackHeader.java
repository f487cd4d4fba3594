package io.jdisco.worker.core.jobpack;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The 128-byte job pack header (SPEC §3.1), checked like the master's {@code jobpack:valid/1}.
 *
 * <pre>
 *  0  u16 BE  magic 0xD5C0
 *  2  u16 BE  version (1 classic, 2 pipeline)
 *  4  u32 BE  jobdict offset (always 128)
 *  8  u32 BE  jobenvs offset   (&gt; jobdict offset)
 * 12  u32 BE  jobhome offset   (&gt;= jobenvs offset)
 * 16  u32 BE  jobdata offset   (&gt;= jobhome offset, &lt;= pack size)
 * 20  108 zero bytes
 * </pre>
 *
 * @param version the pack version
 * @param dictOffset where the jobdict starts
 * @param envsOffset where the jobenvs start
 * @param homeOffset where the job home zip starts
 * @param dataOffset where the job data starts (it runs to the end)
 */
public record JobPackHeader(int version, long dictOffset, long envsOffset, long homeOffset, long dataOffset) {
    /** The magic number in the upper 16 bits of the first word. */
    public static final int MAGIC = 0xD5C0;
    /** The header size; the jobdict starts here. */
    public static final int SIZE = 128;

    /**
     * Reads and checks the header of a pack of {@code packSize} bytes.
     *
     * @throws InvalidJobPackException naming the field that is wrong
     */
    public static JobPackHeader read(byte[] pack, long packSize) {
        Objects.requireNonNull(pack, "pack");
        if (pack.length < 20) {
            throw new InvalidJobPackException("invalid header: a job pack needs at least 20 header bytes, got "
                    + pack.length);
        }
        ByteBuffer b = ByteBuffer.wrap(pack);
        int magic = b.getShort(0) & 0xffff;
        if (magic != MAGIC) {
            throw new InvalidJobPackException(String.format("invalid header: bad magic 0x%04x, expected 0x%04x",
                    magic, MAGIC));
        }
        JobPackHeader h = new JobPackHeader(b.getShort(2) & 0xffff, b.getInt(4) & 0xffffffffL,
                b.getInt(8) & 0xffffffffL, b.getInt(12) & 0xffffffffL, b.getInt(16) & 0xffffffffL);
        if (h.dictOffset != SIZE) {
            throw new InvalidJobPackException("invalid header: jobdict offset is " + h.dictOffset + ", must be 128");
        }
        if (h.envsOffset <= h.dictOffset || h.homeOffset < h.envsOffset || h.dataOffset < h.homeOffset) {
            throw new InvalidJobPackException("invalid header: offsets out of order (jobdict " + h.dictOffset
                    + ", jobenvs " + h.envsOffset + ", jobhome " + h.homeOffset + ", jobdata " + h.dataOffset
                    + "); each section must start at or after the previous one");
        }
        if (h.dataOffset > packSize) {
            throw new InvalidJobPackException("invalid header: jobdata offset " + h.dataOffset
                    + " is beyond the end of the " + packSize + "-byte pack");
        }
        return h;
    }

    /** The 128 header bytes. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.putShort((short) MAGIC).putShort((short) version).putInt((int) dictOffset).putInt((int) envsOffset)
                .putInt((int) homeOffset).putInt((int) dataOffset);
        return b.array();
    }
}
