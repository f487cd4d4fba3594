package io.jdisco.taskio.internal.hunk;

import io.jdisco.worker.DataException;

/**
 * What reading one hunk gave: its payload, or the end of the data, or a switch to the old text
 * format, or a problem. Policy (fail or skip) is the reader's; this only reports.
 */
final class Hunk {
    enum Kind {
        /** {@link #plain} holds {@link #length} uncompressed, CRC-checked bytes. */
        DATA,
        /** End of the data (end of input or a zero-length hunk). */
        END,
        /** The next byte is below 0x80: the old text format follows from {@link #at}. */
        OLD_FORMAT,
        /** The input ends inside a hunk: nothing can follow. */
        TRUNCATED,
        /** The payload is corrupt (zlib, CRC); the next hunk may still be good. */
        CORRUPT,
        /** Reading cannot go on, whatever the policy ({@link #failure}). */
        FATAL
    }

    final Kind kind;
    final byte[] plain;
    final int length;
    final long at;
    final long payloadStart;
    final long payloadEnd;
    final String detail;
    final Throwable failure;

    private Hunk(Kind kind, byte[] plain, int length, long at, long payloadStart, long payloadEnd, String detail,
            Throwable failure) {
        this.kind = kind;
        this.plain = plain;
        this.length = length;
        this.at = at;
        this.payloadStart = payloadStart;
        this.payloadEnd = payloadEnd;
        this.detail = detail;
        this.failure = failure;
    }

    static Hunk data(byte[] plain, int length, long at, long payloadStart, long payloadEnd) {
        return new Hunk(Kind.DATA, plain, length, at, payloadStart, payloadEnd, null, null);
    }

    static Hunk end(byte[] buffer) {
        return new Hunk(Kind.END, buffer, 0, -1, -1, -1, null, null);
    }

    static Hunk oldFormat(byte[] buffer, long at) {
        return new Hunk(Kind.OLD_FORMAT, buffer, 0, at, -1, -1, null, null);
    }

    static Hunk truncated(byte[] buffer, String detail) {
        return new Hunk(Kind.TRUNCATED, buffer, 0, -1, -1, -1, detail, null);
    }

    static Hunk corrupt(byte[] buffer, long payloadStart, long payloadEnd, DataException cause) {
        return new Hunk(Kind.CORRUPT, buffer, 0, -1, payloadStart, payloadEnd, cause.detail(), cause);
    }

    static Hunk fatal(byte[] buffer, Throwable failure) {
        return new Hunk(Kind.FATAL, buffer, 0, -1, -1, -1, null, failure);
    }
}
