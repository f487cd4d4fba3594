package io.jdisco.worker.core.protocol.channel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An output stream that turns each line written to it into one status text for a
 * {@link StatusMessenger}: what {@code System.out} and {@code System.err} become in a worker, so
 * that user prints and console logging cannot corrupt the protocol stream (SPEC §2.9).
 *
 * <p>Each line is decoded as UTF-8 (invalid bytes replaced), trimmed, and dropped if empty, as the
 * reference worker does. {@link #flush()} also sends a partial line; a line is never cut otherwise.
 * Thread-safe.
 */
public final class StatusOutputStream extends OutputStream {
    private final StatusMessenger messenger;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /** A stream posting to {@code messenger}. */
    public StatusOutputStream(StatusMessenger messenger) {
        this.messenger = Objects.requireNonNull(messenger, "messenger");
    }

    /** A {@link PrintStream} (UTF-8, no auto-flush) over a new stream posting to {@code messenger}. */
    public static PrintStream printStream(StatusMessenger messenger) {
        return new PrintStream(new StatusOutputStream(messenger), false, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    /** Sends the partial line, if any. */
    @Override
    public synchronized void flush() {
        emit();
    }

    @Override
    public synchronized void close() {
        emit();
    }

    private void emit() {
        if (line.size() == 0) {
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
        line.reset();
        String trimmed = text.strip();
        if (!trimmed.isEmpty()) {
            messenger.post(trimmed);
        }
    }
}
