/**
 * The public types of jdisco that job code and plugins see: {@link io.jdisco.worker.Task},
 * {@link io.jdisco.worker.Params}, the record values {@link io.jdisco.worker.Bytes} and
 * {@link io.jdisco.worker.Tuple}, and the errors. {@link io.jdisco.worker.DataException} means
 * "retry the task"; every other exception escaping a task kills the job.
 */
package io.jdisco.worker;
