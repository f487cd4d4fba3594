package io.jdisco.worker.core.protocol.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One protocol frame, {@code <name> SP <length> SP <body> LF}, before its body is interpreted.
 *
 * <p>The name is 1..10 bytes without a space; the body is the JSON text whose UTF-8 byte count is
 * the length field.
 */
public final class Frame {
    private final String name;
    private final byte[] body;

    /** A frame with {@code name} and the JSON {@code body} bytes (copied). */
    public Frame(String name, byte[] body) {
        this.name = Objects.requireNonNull(name, "name");
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    /** The message name, e.g. {@code INPUT}. */
    public String name() {
        return name;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The wire form: {@code <name> SP <length> SP <body> LF}. */
    public byte[] encode() {
        byte[] head = (name + " " + body.length + " ").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        out[out.length - 1] = '\n';
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame && name.equals(((Frame) o).name) && Arrays.equals(body, ((Frame) o).body);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return name + " " + body.length + " " + bodyText();
    }
}
