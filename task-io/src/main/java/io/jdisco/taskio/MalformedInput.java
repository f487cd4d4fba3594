package io.jdisco.taskio;

/** What a text line reader does with bytes that are not valid in its charset. */
public enum MalformedInput {
    /** Fail with a {@link io.jdisco.worker.DataException} naming the URL and the byte offset. */
    REPORT,
    /** Replace each malformed sequence with U+FFFD and go on. */
    REPLACE
}
