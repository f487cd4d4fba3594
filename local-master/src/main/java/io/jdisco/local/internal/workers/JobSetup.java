package io.jdisco.local.internal.workers;

import io.jdisco.local.internal.files.EventLog;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the worker processes of one job share: the job name, its extracted job home, the worker
 * executable, the job's environment additions and its event log.
 *
 * @param name the job name
 * @param jobHome the job home (cwd of the workers)
 * @param worker the jobdict {@code worker} path, relative to the job home
 * @param jobenvs the jobenvs, added to the environment after the Disco settings are removed
 * @param events the job's event log
 */
public record JobSetup(String name, Path jobHome, String worker, Map<String, String> jobenvs, EventLog events) {
    /** Checks and copies. */
    public JobSetup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jobHome, "jobHome");
        Objects.requireNonNull(worker, "worker");
        jobenvs = Map.copyOf(jobenvs);
        Objects.requireNonNull(events, "events");
    }

    /** {@code <jobhome>/jobfile}. */
    public Path jobfile() {
        return jobHome.resolve("jobfile");
    }
}
