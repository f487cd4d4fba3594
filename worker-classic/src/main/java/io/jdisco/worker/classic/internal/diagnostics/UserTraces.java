package io.jdisco.worker.classic.internal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Trims the framework out of a job function's stack trace, so that a {@code FATAL} shows the
 * user's exception and the user's frames first and not forty lines of worker internals.
 *
 * <p>Framework frames are those of the packages {@code io.jdisco.worker}, {@code io.jdisco.taskio},
 * {@code io.jdisco.schemes} and {@code io.jdisco.modutil}. Rule, per throwable (and its causes and suppressed ones): reading frames from the top, once
 * a frame outside jdisco has been seen, the first jdisco frame below it and everything under it
 * are dropped and replaced by a single frame naming the task stage. A trace whose top frame is
 * jdisco's (the framework itself failed) is left whole.
 */
public final class UserTraces {
    /** The packages of the worker itself: the job's own code is anything else. */
    private static final List<String> FRAMEWORK = List.of("io.jdisco.worker.", "io.jdisco.taskio.",
            "io.jdisco.schemes.", "io.jdisco.modutil.");

    private UserTraces() {
    }

    /** Trims {@code t} in place and returns it. */
    public static <T extends Throwable> T trim(T t, String stage) {
        trim(t, stage, Collections.newSetFromMap(new IdentityHashMap<>()));
        return t;
    }

    private static void trim(Throwable t, String stage, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        StackTraceElement[] frames = t.getStackTrace();
        int cut = cutIndex(frames);
        if (cut > 0) {
            List<StackTraceElement> kept = new ArrayList<>(Arrays.asList(frames).subList(0, cut));
            kept.add(new StackTraceElement("jdisco", "task(" + stage + ")", null, -1));
            t.setStackTrace(kept.toArray(new StackTraceElement[0]));
        }
        trim(t.getCause(), stage, seen);
        for (Throwable s : t.getSuppressed()) {
            trim(s, stage, seen);
        }
    }

    /** The index of the first framework frame below a user frame, or -1. */
    static int cutIndex(StackTraceElement[] frames) {
        boolean userSeen = false;
        for (int i = 0; i < frames.length; i++) {
            boolean framework = isFramework(frames[i]);
            if (!framework && !isJdk(frames[i])) {
                userSeen = true;
            } else if (framework && userSeen) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isFramework(StackTraceElement e) {
        for (String p : FRAMEWORK) {
            if (e.getClassName().startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJdk(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }
}
