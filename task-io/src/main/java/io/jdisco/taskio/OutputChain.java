package io.jdisco.taskio;

import io.jdisco.taskio.internal.chain.ChainWriter;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.OutputStage;
import io.jdisco.worker.io.RecordWriter;
import io.jdisco.worker.io.WriterStage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An output chain (SPEC §7.1): byte stages that open and wrap the output, then a writer whose
 * {@code add(key, value)} encodes records. Immutable and serializable. Failing stages are named
 * (index, class, URL) as in {@link InputChain}.
 */
public final class OutputChain implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<OutputStage> stages;
    private final WriterStage writer;

    private OutputChain(List<OutputStage> stages, WriterStage writer) {
        this.stages = List.copyOf(stages);
        this.writer = writer;
    }

    /** A chain of {@code stages} ending in {@code writer}. */
    public static OutputChain of(List<? extends OutputStage> stages, WriterStage writer) {
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(writer, "writer");
        for (int i = 0; i < stages.size(); i++) {
            Objects.requireNonNull(stages.get(i), "stage " + i);
        }
        return new OutputChain(new ArrayList<>(stages), writer);
    }

    /** The byte stages, in order. */
    public List<OutputStage> stages() {
        return stages;
    }

    /** The writer at the end. */
    public WriterStage writer() {
        return writer;
    }

    /**
     * Opens the output at {@code url} (a local path for {@link TaskIo#taskOutputStream()}).
     * Closing the writer completes the output and closes every stream, last first.
     */
    public RecordWriter open(String url, ChainContext context) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(context, "context");
        List<OutputStream> opened = new ArrayList<>();
        OutputLink link = OutputLink.start(url);
        try {
            for (int i = 0; i < stages.size(); i++) {
                OutputLink next = apply(i, stages.get(i), link, context);
                if (next.stream() != link.stream()) {
                    opened.add(next.stream());
                }
                link = next;
            }
            if (!link.isOpen()) {
                throw new DiscoException("output chain " + this + " has no stage that opens " + url);
            }
            OutputLink last = link;
            RecordWriter records = StageCall.run(stages.size(), writer, this, last.url(),
                    () -> writer.open(last, context));
            return new ChainWriter(records, opened);
        } catch (IOException | RuntimeException | Error e) {
            ChainWriter.abortAll(opened, e);
            throw e;
        }
    }

    private OutputLink apply(int i, OutputStage stage, OutputLink link, ChainContext context) throws IOException {
        OutputLink next = StageCall.run(i, stage, this, link.url(), () -> stage.apply(link, context));
        StageCall.requireOpen(next.isOpen(), i, stage, this, link.url());
        return next;
    }

    /** The stages, e.g. {@code OutputChain[task_output_stream -> disco_output_stream(...)]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OutputChain[");
        for (OutputStage s : stages) {
            sb.append(s).append(" -> ");
        }
        return sb.append(writer).append(']').toString();
    }
}
