package io.jdisco.local.internal.jobs;

import java.nio.charset.StandardCharsets;

/**
 * The master's rule for a job name ({@code <prefix>@<MegaSecs>:<Secs>:<MicroSecs>}, SPEC §3.9)
 * on top of Disco's (a prefix without {@code /} or {@code .}, SPEC §3.2): no control character,
 * and at most 255 bytes in UTF-8. The name is a directory of the job home and of the master's
 * job data (255 bytes is the longest file name Linux and macOS file systems take), one field of
 * the tab-separated job list, and a line of event texts; a tab, a newline, a NUL or a
 * direction-changing format character would break or disguise them. Disco's master takes any
 * such prefix; this one refuses it at submission (400) with a text naming the reason.
 */
public final class JobNames {
    /** The longest job name, in UTF-8 bytes. */
    static final int MAX_BYTES = 255;

    private JobNames() {
    }

    /** A job name the master refuses. */
    public static final class InvalidName extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidName(String message) {
            super(message);
        }
    }

    /**
     * Checks job name {@code name}.
     *
     * @throws InvalidName when it holds a control, format, line or paragraph separator character
     *     or a lone surrogate, or is longer than {@value #MAX_BYTES} bytes in UTF-8
     */
    static void check(String name) {
        String prefix = name.contains("@") ? name.substring(0, name.lastIndexOf('@')) : name;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (forbidden(cp)) {
                throw new InvalidName("invalid job name prefix '" + shown(prefix) + "': it has the character"
                        + String.format(" U+%04X", cp) + ", a control or format character, at index " + i
                        + "; use letters, digits and punctuation (e.g. [A-Za-z0-9_-])");
            }
            i += Character.charCount(cp);
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidName("invalid job name prefix '" + shown(prefix) + "': the job name '" + shown(name)
                    + "' would be " + bytes + " bytes in UTF-8, more than " + MAX_BYTES
                    + " (it names a directory); use a shorter prefix");
        }
    }

    private static boolean forbidden(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
                return true;
            default:
                return false;
        }
    }

    /** {@code text} for an error message: each forbidden character as a {@code \u005Cu} escape of four hex digits, cut after 80. */
    private static String shown(String text) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length() && shown < 80; shown++) {
            int cp = text.codePointAt(i);
            b.append(forbidden(cp) ? String.format("\\u%04x", cp) : new String(Character.toChars(cp)));
            i += Character.charCount(cp);
        }
        return shown < text.codePointCount(0, text.length()) ? b + "..." : b.toString();
    }
}
