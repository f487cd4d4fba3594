package io.jdisco.worker.core.jobpack;

import io.jdisco.worker.core.Worker;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Packs a job for the master (the seed's {@code Job.run}, step 1): a {@link JobPack} of the
 * {@link Worker}'s {@link Worker#jobdict jobdict}, {@link Worker#jobenvs jobenvs} and
 * {@link Worker#jobhome jobhome}, and the job data ({@link JobData}: the worker, the job's
 * settings and the job arguments, Java-serialized), validated as the master would validate it so
 * that a bad job fails here, naming what is wrong. The worker describes its job; this class
 * assembles the pack, so the worker need not know the pack's layout.
 */
public final class JobPacker {
    private JobPacker() {
    }

    /**
     * The job pack of {@code worker} run with the job settings {@code job} and {@code jobargs}.
     *
     * @throws InvalidJobPackException naming the first key or value the master would refuse
     * @throws JobDataException when the worker or an argument cannot be serialized
     */
    public static JobPack pack(Worker worker, Map<String, ?> job, Map<String, ?> jobargs) throws IOException {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(jobargs, "jobargs");
        JobPack pack = new JobPack(worker.jobpackVersion(), worker.jobdict(job, jobargs), worker.jobenvs(job, jobargs),
                worker.jobhome(job, jobargs), JobData.encode(worker, job, jobargs));
        pack.validate();
        return pack;
    }
}
