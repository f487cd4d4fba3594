package io.jdisco.worker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The naming rules Disco applies to jobs, tasks and paths (SPEC §0.2, §4.2). Both the master and
 * the Python library use them, so they are part of the on-disk contract.
 */
public final class DiscoNames {
    private DiscoNames() {
    }

    /**
     * The first byte of {@code md5(text)} as two lower-case hex digits: the directory level that
     * spreads job homes and task directories ({@code hexhash("WordCount@5a2:1b3c4:9d2e1") = "97"}).
     */
    public static String hexhash(String text) {
        Objects.requireNonNull(text, "text");
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%02x", d[0] & 0xFF);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }

    /** Replaces every character outside {@code [A-Za-z0-9_\-@:]} by {@code _}. */
    public static String safe(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(isSafe(c) ? c : '_');
        }
        return sb.toString();
    }

    /** True when {@code text} is non-empty and made of {@code [A-Za-z0-9_\-@:]} only. */
    public static boolean isSafe(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isSafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '@' || c == ':';
    }
}
