package io.jdisco.taskio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Test helper: splits an internal-format file into hunks, and builds hunks by hand. */
final class Hunks {
    private Hunks() {
    }

    static final class Hunk {
        int marker;
        int compressed;
        long crc;
        byte[] stored;
        byte[] payload;
    }

    static List<Hunk> parse(byte[] file) {
        List<Hunk> hunks = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            Hunk h = new Hunk();
            h.marker = b.get() & 0xFF;
            h.compressed = b.get() & 0xFF;
            h.crc = b.getInt() & 0xFFFFFFFFL;
            int n = (int) b.getLong();
            h.stored = new byte[n];
            b.get(h.stored);
            h.payload = h.compressed == 1 ? inflate(h.stored) : h.stored;
            hunks.add(h);
        }
        return hunks;
    }

    static byte[] inflate(byte[] z) {
        try {
            Inflater inf = new Inflater();
            inf.setInput(z);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && !inf.finished() && inf.needsInput()) {
                    throw new IllegalStateException("truncated zlib stream");
                }
                out.write(buf, 0, n);
            }
            inf.end();
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One hunk: header then {@code payload}, compressed at level 2 if asked. */
    static byte[] hunk(byte[] payload, boolean compress) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        byte[] stored = payload;
        if (compress) {
            Deflater d = new Deflater(2);
            d.setInput(payload);
            d.finish();
            byte[] buf = new byte[payload.length + 64];
            int n = d.deflate(buf);
            d.end();
            stored = Arrays.copyOf(buf, n);
        }
        ByteBuffer b = ByteBuffer.allocate(14 + stored.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x81).put((byte) (compress ? 1 : 0)).putInt((int) crc.getValue()).putLong(stored.length).put(stored);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
