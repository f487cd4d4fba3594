package io.jdisco.local.internal.ddfs;

import java.util.Objects;

/**
 * DDFS tag tokens (Disco's {@code ddfs_tag_util:check_token}). A tag may carry a read token and a
 * write token; a request presents at most one token (HTTP basic auth {@code token:<token>}). A
 * token matches a tag token when they are equal or the tag has none. Writing needs a match of the
 * write token; reading needs a match of the read token, or of a set write token (a writer may
 * read; one who matches an unset read token but not an equal write token reads only). What a reader may then see depends on the privilege it got: the write token itself is
 * shown only to writers. The master's own operations ({@link #INTERNAL}) pass every check.
 */
final class TagAccess {
    /** The presented token of the master's own operations. */
    static final Object INTERNAL = new Object();

    /** The privilege a request got. */
    enum Privilege { READ, WRITE }

    private TagAccess() {
    }

    /**
     * The privilege {@code token} ({@code null} = none presented, or {@link #INTERNAL}) gets for a
     * read of a tag with {@code readToken} and {@code writeToken} ({@code null} = not set).
     *
     * @return null when refused
     */
    static Privilege read(Object token, String readToken, String writeToken) {
        boolean writer = matches(token, writeToken);
        if (matches(token, readToken)) {
            return writeToken == null || writeToken.equals(readToken) ? Privilege.WRITE : Privilege.READ;
        }
        return writeToken != null && writer ? Privilege.WRITE : null;
    }

    /** Whether {@code token} may write a tag with {@code writeToken}. */
    static boolean write(Object token, String writeToken) {
        return matches(token, writeToken);
    }

    private static boolean matches(Object token, String tagToken) {
        return token == INTERNAL || tagToken == null || Objects.equals(token, tagToken);
    }
}
