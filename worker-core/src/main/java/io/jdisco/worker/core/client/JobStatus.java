package io.jdisco.worker.core.client;

import io.jdisco.worker.DataException;

/**
 * The state of a job as the master reports it (SPEC §11.1): in {@code get_results} as
 * {@code "ready"}, {@code "active"}, {@code "dead"} or {@code "unknown job"}; in {@code jobinfo}
 * also {@code "initializing"}, which is a job that is not finished, hence {@link #ACTIVE}.
 */
public enum JobStatus {
    /** Finished; results are available. */
    READY("ready"),
    /** Still running (or initializing). */
    ACTIVE("active"),
    /** Failed or killed; no results. */
    DEAD("dead"),
    /** The master does not know the job (never submitted, or purged). */
    UNKNOWN("unknown job");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The text the master's {@code get_results} uses for this status. */
    public String wireName() {
        return wireName;
    }

    /**
     * The status the master calls {@code text}; {@code url} names the reply in the error.
     *
     * @throws DataException for a text the master does not send
     */
    public static JobStatus fromMaster(String text, String url) throws DataException {
        switch (text) {
            case "ready":
                return READY;
            case "active":
            case "initializing":
                return ACTIVE;
            case "dead":
                return DEAD;
            case "unknown job":
                return UNKNOWN;
            default:
                throw new DataException("unexpected job status '" + text + "' in the master's"
                        + " reply", url);
        }
    }
}
