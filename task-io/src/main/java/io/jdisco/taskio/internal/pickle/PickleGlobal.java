package io.jdisco.taskio.internal.pickle;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The only globals the safe pickle reader knows (SPEC §7.5). Each is a marker on the stack that
 * a following {@code REDUCE} turns into a value; nothing is ever looked up or instantiated.
 *
 * <pre>
 * c _codecs\nencode\n ( X text X "latin1" t R   -- Python 3 bytes at protocols &lt; 3
 * c __builtin__\nbytes\n ) R                     -- Python 3 b'' at protocols &lt; 3
 * c __builtin__\nset\n ( ] ... t R               -- set (also builtins.set, frozenset)
 * </pre>
 */
enum PickleGlobal {
    CODECS_ENCODE("_codecs.encode"),
    BYTES("bytes"),
    SET("set"),
    FROZENSET("frozenset");

    private final String pythonName;

    PickleGlobal(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The marker for {@code module.name}, or a {@link DataException} for any other global. */
    static PickleGlobal resolve(String module, String name) throws DataException {
        boolean builtin = module.equals("__builtin__") || module.equals("builtins");
        if (module.equals("_codecs") && name.equals("encode")) {
            return CODECS_ENCODE;
        }
        if (builtin && name.equals("bytes")) {
            return BYTES;
        }
        if (builtin && name.equals("set")) {
            return SET;
        }
        if (builtin && name.equals("frozenset")) {
            return FROZENSET;
        }
        throw new DataException("unsupported pickle content: global " + printable(module) + "."
                + printable(name), null);
    }

    /** The value of {@code callable(*args)} for a known global. */
    static Object apply(Object callable, Object args) throws DataException {
        if (!(callable instanceof PickleGlobal)) {
            throw new DataException("unsupported pickle content: REDUCE of a "
                    + (callable == null ? "None" : callable.getClass().getSimpleName()), null);
        }
        if (!(args instanceof Tuple)) {
            throw new DataException("corrupt pickle: REDUCE arguments are not a tuple", null);
        }
        Tuple a = (Tuple) args;
        PickleGlobal g = (PickleGlobal) callable;
        switch (g) {
            case CODECS_ENCODE:
                if (a.size() == 2 && a.get(0) instanceof String && isLatin1(a.get(1))) {
                    try {
                        return Bytes.latin1((String) a.get(0));
                    } catch (IllegalArgumentException e) {
                        throw new DataException("corrupt pickle: " + e.getMessage(), null, e);
                    }
                }
                break;
            case BYTES:
                if (a.isEmpty()) {
                    return Bytes.EMPTY;
                }
                break;
            case SET:
            case FROZENSET:
                if (a.isEmpty()) {
                    return g == SET ? new LinkedHashSet<>() : Collections.emptySet();
                }
                if (a.size() == 1 && a.get(0) instanceof Collection && !(a.get(0) instanceof Set)) {
                    Set<Object> s = new LinkedHashSet<>();
                    for (Object o : (Collection<?>) a.get(0)) {
                        PickleValues.checkHashable(o, 0);
                        s.add(o);
                    }
                    return g == SET ? s : Collections.unmodifiableSet(s);
                }
                break;
            default:
                break;
        }
        throw new DataException("unsupported pickle content: " + g.pythonName + " with "
                + a.size() + " arguments of unexpected types", null);
    }

    private static boolean isLatin1(Object enc) {
        return enc instanceof String && (enc.equals("latin1") || enc.equals("latin-1")
                || enc.equals("iso-8859-1") || enc.equals("iso8859-1"));
    }

    private static String printable(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }

    @Override
    public String toString() {
        return pythonName;
    }
}
