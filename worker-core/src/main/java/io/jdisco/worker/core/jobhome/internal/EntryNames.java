package io.jdisco.worker.core.jobhome.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rules for names inside a job home zip (SPEC §1.2, §1.4, §3.7), shared by the writer and
 * the extractor so that whatever we write, we (and the master) can unpack safely.
 *
 * <p>A name is relative, uses {@code /} as separator, and stays inside the job home: no leading
 * {@code /}, no backslash (Windows separators let {@code ..\..\x} escape on some unzippers), no
 * empty, {@code .} or {@code ..} segment, no NUL or other control character. Directory entries
 * end in one {@code /}. The master owns {@code jobfile}, {@code .jobhome} and {@code .disco/}
 * in the job home, so those names are refused too.
 */
public final class EntryNames {
    /** The extraction marker the master writes last (SPEC §1.2). */
    public static final String MARKER = ".jobhome";
    /** The complete job pack the master stores in the job home (SPEC §1.4). */
    public static final String JOBFILE = "jobfile";
    /** The directory of per-task index files written by the master (SPEC §3.7). */
    public static final String RESERVED_DIR = ".disco";

    /** The largest name a ZIP header can hold, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 0xFFFF;

    private EntryNames() {
    }

    /**
     * Why {@code name} is not a safe job home entry name, or empty when it is. Directory names
     * (ending in {@code /}) are checked without their final slash.
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        if (name.startsWith("/")) {
            return Optional.of("absolute paths are not allowed");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("backslashes are not allowed (use '/')");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.of("the name is longer than " + MAX_NAME_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) == 0x7F) {
                return Optional.of("control characters are not allowed");
            }
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("empty path segments ('//') are not allowed");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'" + segment + "' segments are not allowed");
            }
        }
        String first = path.split("/", 2)[0];
        if (first.equals(RESERVED_DIR)) {
            return Optional.of("'.disco/' is reserved for the master");
        }
        if (path.equals(MARKER) || path.equals(JOBFILE)) {
            return Optional.of("'" + path + "' is written by the master");
        }
        return Optional.empty();
    }

    /** True when the name denotes a directory entry. */
    public static boolean isDirectory(String name) {
        return name.endsWith("/");
    }
}
