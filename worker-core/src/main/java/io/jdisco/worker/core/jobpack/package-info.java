/** The job pack (SPEC §3): header, jobdict, jobenvs, job home and job data; and jdisco's job data format. */
package io.jdisco.worker.core.jobpack;
