package io.jdisco.taskio;

import io.jdisco.worker.DataException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * How records are encoded inside the hunks of Disco's internal format (SPEC §7.4). The default,
 * {@link PickleCodec}, writes Python pickles so that Python Disco reads what Java writes; a job
 * may plug another codec (JSON, say) for Java-to-Java data.
 *
 * <p>A codec other than pickle must use its own {@link #formatVersion()} (not 1): the version is
 * stored in every hunk's marker byte ({@code 0x80 + version}), and readers refuse hunks whose
 * version is not their codec's, so that such files are never decoded as pickles by mistake.
 * Python readers do not check the version: never hand such files to Python consumers.
 *
 * <p>Codecs are job parameters shipped with Java serialization; keep them small and stateless.
 */
public interface RecordCodec extends Serializable {
    /** The format version written in each hunk's marker byte: 1 for pickle, 2..127 otherwise. */
    int formatVersion();

    /** A new encoder; encoders are used by one thread at a time and may keep buffers. */
    Encoder newEncoder();

    /** A new decoder; decoders are used by one thread at a time and may keep buffers. */
    Decoder newDecoder();

    /** Turns one record into bytes. */
    interface Encoder {
        /**
         * Appends the encoding of {@code record} to {@code out}.
         *
         * @throws IllegalArgumentException when the record holds a value the codec cannot store
         */
        void encode(Object record, OutputStream out) throws IOException;
    }

    /** Reads records back from a hunk's uncompressed bytes. */
    interface Decoder {
        /**
         * Decodes the record that starts at {@code data[offset]}, reading nothing at or beyond
         * {@code limit}. Afterwards {@link #end()} is the offset just past the record.
         *
         * @throws DataException when the bytes are not a valid record; the detail says why (the
         *     caller adds the URL and offset)
         */
        Object decode(byte[] data, int offset, int limit) throws DataException;

        /** The offset just past the record last decoded. */
        int end();
    }
}
