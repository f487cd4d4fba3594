package io.jdisco.worker.core.protocol.wire;

import java.util.List;
import java.util.Map;

/** Checks parsed JSON bodies against a message's shape, naming the message and the part that is wrong. */
final class BodyShape {
    private final String where;

    BodyShape(String where) {
        this.where = where;
    }

    MessageFormatException bad(String what, Object got) {
        String shown = String.valueOf(got);
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        return new MessageFormatException(where + ": " + what + ", got " + shown);
    }

    List<?> list(Object v, int size, String what) throws MessageFormatException {
        if (!(v instanceof List) || (size >= 0 && ((List<?>) v).size() != size)) {
            throw bad(what + " must be a list" + (size >= 0 ? " of " + size + " elements" : ""), v);
        }
        return (List<?>) v;
    }

    Map<?, ?> map(Object v, String what) throws MessageFormatException {
        if (!(v instanceof Map)) {
            throw bad(what + " must be an object", v);
        }
        return (Map<?, ?>) v;
    }

    int integer(Object v, String what) throws MessageFormatException {
        if (v instanceof Integer) {
            return (Integer) v;
        }
        throw bad(what + " must be a 32-bit integer", v);
    }

    long longInteger(Object v, String what) throws MessageFormatException {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        throw bad(what + " must be an integer", v);
    }

    String string(Object v, String what) throws MessageFormatException {
        if (v instanceof String) {
            return (String) v;
        }
        throw bad(what + " must be a string", v);
    }

    Object key(Map<?, ?> m, String key) throws MessageFormatException {
        if (!m.containsKey(key)) {
            throw bad("missing key '" + key + "'", m);
        }
        return m.get(key);
    }
}
