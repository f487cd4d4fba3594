/**
 * The job home: the ZIP section of a job pack that the master unpacks on every node and in
 * which the worker runs (SPEC §1.2, §1.4, §3.7). {@link io.jdisco.worker.core.jobhome.JobHomeWriter}
 * builds it deterministically, {@link io.jdisco.worker.core.jobhome.WorkerLauncher} writes its
 * {@code bin/worker} script, and {@link io.jdisco.worker.core.jobhome.JobHomeExtractor} unpacks
 * it the way the master does.
 */
package io.jdisco.worker.core.jobhome;
