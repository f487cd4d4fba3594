/**
 * Shipping a job's code: which classes and jars its functions need ({@link
 * io.jdisco.modutil.ModUtil}), the {@code required_modules} and {@code required_files} values
 * ({@link io.jdisco.modutil.RequiredModules}, {@link io.jdisco.modutil.RequiredFiles}), and the
 * plan of what the job home carries ({@link io.jdisco.modutil.Shipment}), written through a
 * {@link io.jdisco.modutil.JobHomeSink}. Disco's {@code disco.worker.modutil} for Java.
 */
package io.jdisco.modutil;
