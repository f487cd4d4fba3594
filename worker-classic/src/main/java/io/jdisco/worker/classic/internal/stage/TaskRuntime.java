package io.jdisco.worker.classic.internal.stage;

import io.jdisco.worker.Task;
import io.jdisco.worker.classic.internal.settings.ClassicSettings;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.Output;
import io.jdisco.worker.io.ChainContext;
import java.io.IOException;
import java.util.Iterator;

/** What a classic stage needs of the running worker: its task, settings, inputs, outputs, status line. */
public interface TaskRuntime {
    /** The task. */
    Task task();

    /** The stage's own opener: its input chain, index inputs expanded (see {@code ClassicWorker.inputOpener}). */
    RecordOpener<Object> stageOpener();

    /** The resolved parameters. */
    ClassicSettings settings();

    /** The chain context of the task (params, schemes, status). */
    ChainContext chain();

    /**
     * The records of all the task's inputs, input after input (the {@code INPUT} protocol with
     * replica fail-over), each opened by {@code opener}; single-pass. Read errors surface as
     * {@link java.io.UncheckedIOException} around a {@link io.jdisco.worker.DataException}.
     */
    <R> Iterator<R> input(RecordOpener<R> opener);

    /** The output for {@code label} ({@code null}: the unlabelled one), opened on first use. */
    Output output(Integer label) throws IOException;

    /** A further output of {@code label}, after its first ({@code Worker.anotherOutput}). */
    Output anotherOutput(int label) throws IOException;

    /** Sends a status line (throttled). */
    void status(String text);
}
