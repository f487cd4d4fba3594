package io.jdisco.taskio.internal.text;

import io.jdisco.taskio.MalformedInput;
import io.jdisco.worker.DataException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;

/**
 * Decodes line bytes to a {@code String}, dropping the line end ({@code \n} or {@code \r\n});
 * malformed input is reported with its byte offset or replaced, as configured.
 */
public final class TextLineDecoder implements LineRecordReader.LineDecoder<String> {
    private final CharsetDecoder decoder;
    private final MalformedInput onMalformed;

    /** A decoder for {@code charset}. */
    public TextLineDecoder(Charset charset, MalformedInput onMalformed) {
        CodingErrorAction action = onMalformed == MalformedInput.REPORT
                ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        this.decoder = charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
        this.onMalformed = onMalformed;
    }

    @Override
    public String decode(byte[] buf, int off, int len, long lineOffset, String url) throws DataException {
        int n = len;
        if (n > 0 && buf[off + n - 1] == '\n') {
            n--;
        }
        if (n > 0 && buf[off + n - 1] == '\r') {
            n--;
        }
        ByteBuffer bytes = ByteBuffer.wrap(buf, off, n);
        try {
            return decoder.reset().decode(bytes).toString();
        } catch (MalformedInputException e) {
            throw new DataException("Malformed " + decoder.charset().name() + " input at byte "
                    + (lineOffset + firstBadByte(buf, off, n)) + " (" + e.getInputLength() + " bad bytes)", url, e);
        } catch (CharacterCodingException e) {
            throw new DataException("Undecodable " + decoder.charset().name() + " input in the line at byte "
                    + lineOffset, url, e);
        }
    }

    private int firstBadByte(byte[] buf, int off, int n) {
        ByteBuffer in = ByteBuffer.wrap(buf, off, n);
        CharBuffer out = CharBuffer.allocate(n + 1);
        CharsetDecoder d = decoder.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = d.decode(in, out, true);
        return r.isError() ? in.position() - off : 0;
    }

    @Override
    public String toString() {
        return decoder.charset().name() + "/" + onMalformed;
    }
}
