package io.jdisco.worker.core.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The shared secret of a jdisco master bound beyond loopback: clients on other hosts send it
 * as {@code Authorization: Bearer <token>}. It is kept in a file that only its owner can read
 * (the master's {@code --token FILE}, a client's {@code JDISCO_TOKEN_FILE}), never on a command
 * line, where other users of the machine would see it in the process list.
 *
 * <p>A token is 1–1024 printable ASCII characters without spaces (it goes into an HTTP header);
 * the file's surrounding white space, such as the trailing newline an editor adds, is dropped.
 */
public final class MasterToken {
    /** The environment variable naming a client's token file. */
    public static final String FILE_VARIABLE = "JDISCO_TOKEN_FILE";

    private static final int MAX_LENGTH = 1024;

    private MasterToken() {
    }

    /**
     * The token in {@code file}.
     *
     * @throws IOException when the file cannot be read, is readable by its group or by others
     *     (on a POSIX file system), is empty or holds characters that are not a token's
     */
    public static String read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> mode = posix.readAttributes().permissions();
            if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IOException("token file " + file + " is readable by its group or by others: make it"
                        + " private with 'chmod 600 " + file + "'");
            }
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_LENGTH + 2);
        }
        String token = new String(bytes, StandardCharsets.US_ASCII).strip();
        try {
            return check(token);
        } catch (IllegalArgumentException e) {
            throw new IOException("token file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code token}, checked.
     *
     * @throws IllegalArgumentException when it is empty, longer than 1024 characters or holds a
     *     character outside printable ASCII ({@code !} to {@code ~})
     */
    public static String check(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the token is empty");
        }
        if (token.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the token is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '!' || c > '~') {
                throw new IllegalArgumentException("the token has a character that is not printable ASCII"
                        + " (or is a space) at index " + i);
            }
        }
        return token;
    }

    /**
     * The token of the file named by {@value #FILE_VARIABLE} in {@code env}, or empty when the
     * variable is not set.
     *
     * @throws IOException as {@link #read(Path)}
     */
    static Optional<String> fromEnvironment(Map<String, String> env) throws IOException {
        String file = env.get(FILE_VARIABLE);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(read(Path.of(file)));
    }
}
