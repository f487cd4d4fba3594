package io.jdisco.worker.core.jobhome;

import io.jdisco.worker.DiscoException;

/**
 * A job home zip that must not be unpacked: an entry that would land outside the job home
 * (zip-slip), a symbolic link, a duplicate, a compression method the master cannot read, a
 * missing worker executable, or corrupt entry data. Retrying will not help, so it is a
 * {@link DiscoException}; the master reports the same situation as "Jobpack extraction failed".
 */
public final class JobHomeException extends DiscoException {
    private static final long serialVersionUID = 1L;

    private final String entry;

    /** A problem with entry {@code entry} (may be {@code null} for the archive as a whole). */
    public JobHomeException(String entry, String problem) {
        this(entry, problem, null);
    }

    /** A problem with entry {@code entry} caused by {@code cause}. */
    public JobHomeException(String entry, String problem, Throwable cause) {
        super(entry == null ? "Invalid job home: " + problem
                : "Invalid job home entry '" + entry + "': " + problem, cause);
        this.entry = entry;
    }

    /** The offending entry name as stored in the zip, or {@code null}. */
    public String entry() {
        return entry;
    }
}
