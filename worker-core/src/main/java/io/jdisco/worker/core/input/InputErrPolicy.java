package io.jdisco.worker.core.input;

/**
 * What an input does when every replica it knows has failed (SPEC §2.4.4, §8.7).
 */
public enum InputErrPolicy {
    /**
     * Send {@code INPUT_ERR [id, failed ids]}; continue with the replicas of a {@code RETRY}; raise a
     * {@link io.jdisco.worker.DataException} on {@code FAIL}. For masters after the 0.5.4 tag; on a
     * 0.5.4 master the session ends as a task error instead, which is also a retry.
     */
    REPORT,
    /**
     * Never send {@code INPUT_ERR}: fail over across the known replicas only, then raise a
     * {@link io.jdisco.worker.DataException} (task {@code ERROR}, re-run). The safe mode for 0.5.4.
     */
    SILENT
}
