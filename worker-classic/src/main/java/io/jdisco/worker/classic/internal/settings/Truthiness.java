package io.jdisco.worker.classic.internal.settings;

import java.util.Collection;
import java.util.Map;

/** Python's truth test, for parameters the seed reads with {@code bool(...)} or {@code if x:}. */
public final class Truthiness {
    private Truthiness() {
    }

    /**
     * False for {@code null}, {@code false}, numeric zero, the empty string and empty collections
     * or maps; true for anything else (a function, say).
     */
    public static boolean isTrue(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue() != 0.0;
        }
        if (v instanceof CharSequence) {
            return ((CharSequence) v).length() > 0;
        }
        if (v instanceof Collection) {
            return !((Collection<?>) v).isEmpty();
        }
        if (v instanceof Map) {
            return !((Map<?, ?>) v).isEmpty();
        }
        return true;
    }
}
