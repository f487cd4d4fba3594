package io.jdisco.worker.classic.internal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserTracesTest {
    private static StackTraceElement f(String cls) {
        return new StackTraceElement(cls, "m", null, 1);
    }

    @Test
    void framesBelowTheUsersCodeAreReplacedByOneNamingTheStage() {
        RuntimeException e = new RuntimeException("boom");
        e.setStackTrace(new StackTraceElement[] {f("java.util.ArrayList"), f("com.example.Job"),
                f("io.jdisco.worker.classic.internal.stage.MapTask"), f("io.jdisco.worker.core.WorkerSession")});
        UserTraces.trim(e, "map");
        StackTraceElement[] t = e.getStackTrace();
        assertEquals(3, t.length);
        assertEquals("com.example.Job", t[1].getClassName());
        assertEquals("task(map)", t[2].getMethodName());
    }

    @Test
    void frameworkFailureKeepsItsWholeTrace() {
        RuntimeException e = new RuntimeException("ours");
        e.setStackTrace(new StackTraceElement[] {f("io.jdisco.worker.classic.internal.stage.MapTask"),
                f("io.jdisco.worker.core.Worker")});
        UserTraces.trim(e, "map");
        assertEquals(2, e.getStackTrace().length);
    }

    @Test
    void causesAreTrimmedToo() {
        RuntimeException cause = new RuntimeException("inner");
        cause.setStackTrace(new StackTraceElement[] {f("com.example.Job"), f("io.jdisco.worker.core.Worker")});
        RuntimeException e = new RuntimeException("outer", cause);
        e.setStackTrace(new StackTraceElement[] {f("com.example.Job")});
        UserTraces.trim(e, "reduce");
        assertEquals(2, cause.getStackTrace().length);
    }
}
