/**
 * The job pack (SPEC §3): header, jobdict, jobenvs, job home and job data; jdisco's job data
 * format; and {@link io.jdisco.worker.core.jobpack.JobPacker}, which packs a worker's job.
 */
package io.jdisco.worker.core.jobpack;
