package io.jdisco.cli;

/**
 * The command line was wrong (unknown option, missing value or argument): the command prints the
 * message and its usage and exits with status 2. A {@code null} message means {@code --help}.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A usage error explained by {@code message}, or a help request when {@code null}. */
    public UsageException(String message) {
        super(message);
    }

    /** True when the user asked for help rather than made a mistake. */
    public boolean isHelp() {
        return getMessage() == null;
    }
}
