package io.jdisco.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Test helper: the uncompressed payloads of an internal-format file, concatenated (SPEC §7.4). */
final class Hunks {
    private Hunks() {
    }

    /** Every hunk's payload, inflated when compressed. */
    static byte[] payload(Path file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (b.hasRemaining()) {
            b.get(); // marker 0x81
            boolean compressed = b.get() == 1;
            b.getInt(); // crc
            int n = (int) b.getLong();
            byte[] stored = new byte[n];
            b.get(stored);
            out.write(compressed ? inflate(stored) : stored);
        }
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] data) throws DataFormatException {
        Inflater inf = new Inflater();
        inf.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!inf.finished()) {
            int k = inf.inflate(buf);
            if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                break;
            }
            out.write(buf, 0, k);
        }
        inf.end();
        return out.toByteArray();
    }

    /** A vector file. */
    static Path vector(String name) {
        return Path.of(System.getProperty("jdisco.testdata"), "vectors", name);
    }
}
