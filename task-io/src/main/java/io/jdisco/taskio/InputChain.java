package io.jdisco.taskio;

import io.jdisco.taskio.internal.chain.ChainReader;
import io.jdisco.taskio.internal.text.ByteLineReaderStage;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.InputStage;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An input chain (Disco's {@code StreamCombiner}, SPEC §7.1): byte stages applied in order to a
 * URL, then a reader that yields records. Immutable and serializable, so a job can ship it.
 *
 * <p>The runner checks every stage's result, as OkHttp's interceptor chain does: a stage that
 * returns {@code null} or a link without a stream, or throws a {@code RuntimeException}, fails
 * with a {@link DiscoException} naming the stage's index and class and the URL; a plain
 * {@code IOException} becomes a {@link DataException} naming the same. Streams opened before
 * the failure are closed.
 *
 * @param <R> the record type of the reader
 */
public final class InputChain<R> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<InputStage> stages;
    private final ReaderStage<R> reader;

    private InputChain(List<InputStage> stages, ReaderStage<R> reader) {
        this.stages = List.copyOf(stages);
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * A chain of byte stages whose records are the lines of the last stream, as {@link Bytes}
     * including the {@code \n} (as Python iterates a file); data without a newline is one record.
     */
    public static InputChain<Bytes> of(InputStage... stages) {
        return of(Arrays.asList(stages), new ByteLineReaderStage(true, TaskIo.DEFAULT_MAX_RECORD_BYTES, false));
    }

    /** A chain of byte stages ending in {@code reader}. */
    public static <R> InputChain<R> of(List<? extends InputStage> stages, ReaderStage<R> reader) {
        Objects.requireNonNull(stages, "stages");
        for (int i = 0; i < stages.size(); i++) {
            Objects.requireNonNull(stages.get(i), "stage " + i);
        }
        return new InputChain<>(new ArrayList<>(stages), reader);
    }

    /** The byte stages, in order. */
    public List<InputStage> stages() {
        return stages;
    }

    /** The reader at the end. */
    public ReaderStage<R> reader() {
        return reader;
    }

    /** Opens {@code url} through the chain; closing the reader closes every stream it opened. */
    public RecordReader<R> open(String url, ChainContext context) throws IOException {
        return open(InputLink.start(Objects.requireNonNull(url, "url")), context);
    }

    /**
     * Runs the chain from {@code start}: a link with no stream for a URL to open, or an open
     * stream (Python's {@code fd}) for chains whose first stage wraps a stream.
     */
    public RecordReader<R> open(InputLink start, ChainContext context) throws IOException {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(context, "context");
        List<InputStream> opened = new ArrayList<>();
        InputLink link = start;
        try {
            for (int i = 0; i < stages.size(); i++) {
                InputStage stage = stages.get(i);
                InputLink next = applyStage(i, stage, link, context);
                if (next.stream() != link.stream()) {
                    opened.add(next.stream());
                }
                link = next;
            }
            if (!link.isOpen()) {
                throw new DiscoException("input chain " + this + " has no stage that opens " + link.url());
            }
            RecordReader<R> records = openReader(link, context);
            return new ChainReader<>(records, opened, StageCall.describe(stages.size(), reader), link.url());
        } catch (IOException | RuntimeException | Error e) {
            ChainReader.closeQuietly(opened, e);
            throw e;
        }
    }

    private InputLink applyStage(int i, InputStage stage, InputLink link, ChainContext context) throws IOException {
        InputLink next = StageCall.run(i, stage, this, link.url(), () -> stage.apply(link, context));
        StageCall.requireOpen(next.isOpen(), i, stage, this, link.url());
        return next;
    }

    private RecordReader<R> openReader(InputLink link, ChainContext context) throws IOException {
        return StageCall.run(stages.size(), reader, this, link.url(), () -> reader.open(link, context));
    }

    /** The stages, e.g. {@code InputChain[task_input_stream -> gzip_reader -> byte_lines(...)]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("InputChain[");
        for (InputStage s : stages) {
            sb.append(s).append(" -> ");
        }
        return sb.append(reader).append(']').toString();
    }
}
