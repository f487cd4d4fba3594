package io.jdisco.worker;

/**
 * A job ended badly, timed out, or could not be submitted (client side): Disco's
 * {@code JobError}. The message reads {@code "Job <name> failed: <detail>"}.
 */
public class JobException extends DiscoException {
    private static final long serialVersionUID = 1L;

    private final String jobName;

    /** A failure of job {@code jobName} (may be {@code null} before the master named it). */
    public JobException(String jobName, String detail) {
        this(jobName, detail, null);
    }

    /** A failure of job {@code jobName} caused by {@code cause}. */
    public JobException(String jobName, String detail, Throwable cause) {
        super("Job " + jobName + " failed: " + detail, cause);
        this.jobName = jobName;
    }

    /** The job's name, or {@code null}. */
    public String jobName() {
        return jobName;
    }
}
