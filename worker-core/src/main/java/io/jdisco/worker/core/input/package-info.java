/**
 * A task's inputs (SPEC §8): the {@code INPUT} loop, replica fail-over with resume, and the serial,
 * parallel and merged views over all inputs. URLs are opened by a caller-supplied
 * {@link io.jdisco.worker.core.input.RecordOpener}.
 */
package io.jdisco.worker.core.input;
