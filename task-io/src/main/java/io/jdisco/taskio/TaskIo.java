package io.jdisco.taskio;

import io.jdisco.taskio.internal.chain.TaskInputStage;
import io.jdisco.taskio.internal.compress.Compression;
import io.jdisco.taskio.internal.compress.DecompressStage;
import io.jdisco.taskio.internal.file.AtomicFileStage;
import io.jdisco.taskio.internal.hunk.DiscoReaderStage;
import io.jdisco.taskio.internal.hunk.DiscoWriterStage;
import io.jdisco.taskio.internal.oldformat.OldNetstrReaderStage;
import io.jdisco.taskio.internal.oldformat.PlainWriterStage;
import io.jdisco.taskio.internal.text.ByteLineReaderStage;
import io.jdisco.taskio.internal.text.ReReaderStage;
import io.jdisco.taskio.internal.text.TextLineReaderStage;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.InputStage;
import io.jdisco.worker.io.OutputStage;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.WriterStage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stream functions of Disco's {@code disco.worker.task_io} (SPEC §7.2, §7.3), one factory per
 * seed function, and its predefined chains. Stages are immutable and serializable; put them in
 * an {@link InputChain} or {@link OutputChain}.
 *
 * <p>Every reader bounds the size of one record: {@link #DEFAULT_MAX_RECORD_BYTES} for lines,
 * regex matches and old-format fields, {@link #DEFAULT_MAX_HUNK_BYTES} for a hunk of the internal
 * format. Bad input fails with a {@link io.jdisco.worker.DataException} naming the URL and the
 * byte offset.
 */
public final class TaskIo {
    /** Default bound on one line, regex record or old-format field: 64 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

    /** Default bound on one hunk of the internal format, stored or inflated: 256 MiB. */
    public static final int DEFAULT_MAX_HUNK_BYTES = 256 * 1024 * 1024;

    private TaskIo() {
    }

    // ---- input stages ---------------------------------------------------------------------

    /** {@code task_input_stream}: opens the URL through the scheme registry of the context. */
    public static InputStage taskInputStream() {
        return new TaskInputStage();
    }

    /** {@code gzip_reader}: gunzips the stream (every member of a concatenated file). */
    public static InputStage gzipReader() {
        return new DecompressStage(Compression.GZIP);
    }

    /**
     * Decompresses gzip, bzip2, xz or zstd as the magic bytes (or else the URL suffix) say, and
     * passes anything else through. xz and zstd need their libraries on the class path.
     */
    public static InputStage decompress() {
        return new DecompressStage(null);
    }

    // ---- readers ------------------------------------------------------------------------

    /** {@code chain_reader}: the internal format with {@code ignoreCorrupt} off. */
    public static ReaderStage<Object> chainReader() {
        return discoInputStream(false);
    }

    /**
     * {@code disco_input_stream}: Disco's internal format (and the old text format when the
     * first byte says so). With {@code ignoreCorrupt} a corrupt hunk is skipped, counted
     * ({@link SkipCounting}) and reported as a message instead of failing; Python turns this on
     * by accident in tasks (SPEC §7.7), here it is explicit and off by default.
     */
    public static ReaderStage<Object> discoInputStream(boolean ignoreCorrupt) {
        return discoInputStream(DiscoInputOptions.defaults().withIgnoreCorrupt(ignoreCorrupt));
    }

    /** {@code disco_input_stream} with other settings (hunk bound, codec, read-ahead). */
    public static ReaderStage<Object> discoInputStream(DiscoInputOptions options) {
        return new DiscoReaderStage(Objects.requireNonNull(options, "options"));
    }

    /** {@code old_netstr_reader}: the old text format, as {@code (Bytes, Bytes)} pairs. */
    public static ReaderStage<Tuple> oldNetstrReader() {
        return oldNetstrReader(DEFAULT_MAX_RECORD_BYTES);
    }

    /** {@code old_netstr_reader} with a bound on one field. */
    public static ReaderStage<Tuple> oldNetstrReader(int maxFieldBytes) {
        return new OldNetstrReaderStage(positive(maxFieldBytes, "maxFieldBytes"));
    }

    /** {@code gzip_line_reader}: gunzips and yields lines as {@link Bytes} including {@code \n}. */
    public static ReaderStage<Bytes> gzipLineReader() {
        return new ByteLineReaderStage(true, DEFAULT_MAX_RECORD_BYTES, true);
    }

    /** Lines as lossless {@link Bytes}, with or without the {@code \n}. */
    public static ReaderStage<Bytes> byteLineReader(boolean keepNewline, int maxLineBytes) {
        return new ByteLineReaderStage(keepNewline, positive(maxLineBytes, "maxLineBytes"), false);
    }

    /** Lines as UTF-8 {@code String}s without line ends; malformed UTF-8 fails naming the offset. */
    public static ReaderStage<String> lineReader() {
        return lineReader(StandardCharsets.UTF_8, MalformedInput.REPORT, DEFAULT_MAX_RECORD_BYTES);
    }

    /** Lines as {@code String}s decoded with {@code charset}, without their {@code \n} or {@code \r\n}. */
    public static ReaderStage<String> lineReader(Charset charset, MalformedInput onMalformed, int maxLineBytes) {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(onMalformed, "onMalformed");
        return new TextLineReaderStage(charset, onMalformed, positive(maxLineBytes, "maxLineBytes"));
    }

    /** {@code re_reader} with a pattern in Java syntax, matched against bytes as Latin-1. */
    public static ReaderStage<Tuple> reReader(String pattern, boolean outputTail, int maxRecordBytes) {
        Objects.requireNonNull(pattern, "pattern");
        return reReader(Pattern.compile(pattern), outputTail, maxRecordBytes);
    }

    /**
     * {@code re_reader}: yields the groups of each match anchored at the start of the unread
     * input, as a {@link Tuple} of {@link Bytes}; with {@code outputTail} unmatched trailing
     * bytes become a last one-element record. More than {@code maxRecordBytes} bytes without a
     * match fail.
     */
    public static ReaderStage<Tuple> reReader(Pattern pattern, boolean outputTail, int maxRecordBytes) {
        Objects.requireNonNull(pattern, "pattern");
        return new ReReaderStage(pattern, outputTail, positive(maxRecordBytes, "maxRecordBytes"));
    }

    // ---- output stages --------------------------------------------------------------------

    /** {@code task_output_stream}: an atomic file ({@code .partial}, renamed on close). */
    public static OutputStage taskOutputStream() {
        return new AtomicFileStage(AtomicFileStage.MIN_FREE_BYTES);
    }

    /** {@code disco_output_stream}: the internal format with Python's defaults. */
    public static WriterStage discoOutputStream() {
        return discoOutputStream(DiscoOutputOptions.defaults());
    }

    /** {@code disco_output_stream} with other settings. */
    public static WriterStage discoOutputStream(DiscoOutputOptions options) {
        return new DiscoWriterStage(Objects.requireNonNull(options, "options"));
    }

    /** {@code plain_output_stream}: the old text format. */
    public static WriterStage plainOutputStream() {
        return new PlainWriterStage();
    }

    // ---- predefined chains ----------------------------------------------------------------

    /** {@code chain_stream}: {@code (task_input_stream, chain_reader)}. */
    public static InputChain<Object> chainStream() {
        return InputChain.of(List.of(taskInputStream()), chainReader());
    }

    /** {@code default_stream}: {@code (task_input_stream,)}, records are lines with {@code \n}. */
    public static InputChain<Bytes> defaultStream() {
        return InputChain.of(taskInputStream());
    }

    /** {@code gzip_stream}: {@code (task_input_stream, gzip_reader)}, records are lines. */
    public static InputChain<Bytes> gzipStream() {
        return InputChain.of(taskInputStream(), gzipReader());
    }

    /** {@code gzip_line_stream}: {@code (task_input_stream, gzip_line_reader)}. */
    public static InputChain<Bytes> gzipLineStream() {
        return InputChain.of(List.of(taskInputStream()), gzipLineReader());
    }

    /** The classic output: {@code (task_output_stream, disco_output_stream)}. */
    public static OutputChain taskOutput() {
        return OutputChain.of(List.of(taskOutputStream()), discoOutputStream());
    }

    /**
     * The classic output with uncompressed records: {@code (task_output_stream,
     * disco_output_stream)} with {@link DiscoOutputOptions#withStoredHunks()}. Any Disco reader
     * reads it, and the shuffle can concatenate it; it spares the writer zlib (~80 MB/s a core)
     * and the reader inflating, for data that stays on a machine or crosses a fast network.
     */
    public static OutputChain storedTaskOutput() {
        return OutputChain.of(List.of(taskOutputStream()), discoOutputStream(DiscoOutputOptions.defaults()
                .withStoredHunks()));
    }

    private static int positive(int n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + n);
        }
        return n;
    }
}
