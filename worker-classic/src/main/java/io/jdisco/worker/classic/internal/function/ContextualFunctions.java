package io.jdisco.worker.classic.internal.function;

import io.jdisco.worker.fn.JobContext;
import java.io.Serializable;

/**
 * Job functions that need the running task's {@link JobContext} (counters, status lines): the
 * typed API's adapters. {@link FunctionCalls} binds them to the task when it makes its calls.
 */
public final class ContextualFunctions {
    private ContextualFunctions() {
    }

    /** A map parameter that becomes a {@link MapCall} once bound to a task. */
    public interface Map extends Serializable {
        /** The call for the task whose context is {@code context}. */
        MapCall bind(JobContext context);
    }

    /** A reduce parameter that becomes a {@link ReduceCall} once bound to a task. */
    public interface Reduce extends Serializable {
        /** The call for the task whose context is {@code context}. */
        ReduceCall bind(JobContext context);
    }
}
