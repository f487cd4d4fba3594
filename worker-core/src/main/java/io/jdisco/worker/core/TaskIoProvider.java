package io.jdisco.worker.core;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.OutputOpener;

/**
 * Supplies a task's default input and output openers (the scheme registry + input stream chain, and
 * the atomic output chain). Found with {@link java.util.ServiceLoader} through the thread context
 * class loader by {@link Worker#inputOpener} and {@link Worker#outputOpener}; a worker may instead
 * override those methods.
 */
public interface TaskIoProvider {
    /** Opens input URLs of {@code task} for {@code worker} into records. */
    RecordOpener<Object> inputOpener(Task task, Worker worker);

    /** Opens the outputs of {@code task} for {@code worker}. */
    OutputOpener outputOpener(Task task, Worker worker);
}
