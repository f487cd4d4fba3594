package io.jdisco.schemes.dir;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.index.IndexLine;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * {@code dir://} index files (SPEC §8.6): the master's list of a stage's outputs, one line per
 * output, {@code <label> <url> <size>} ({@link IndexLine}, the format's one parser). An indirect scheme: {@link #expand} yields the listed
 * outputs for the reader chain; {@link #open} yields the index bytes themselves, as stored.
 *
 * <p>The index is fetched as Disco's {@code urlresolve} says: {@code dir://host/p} like
 * {@code disco://host/p} (a local file on that node, else HTTP), {@code dir://host:port/p} from
 * {@code http://host:port/p}, {@code dir:///p} from the master. A {@code .gz} index is
 * gunzipped. Which labels are listed: the one in a {@code #<label>} fragment; every one for a
 * {@code #all} fragment; else, in a task whose group label is a number, that label (what Python's
 * {@code scheme_dir} does); else all. {@code #all} is for task code that needs a whole index, as
 * Python's {@code read_index} gives it to the shuffle stages. Entries come sorted by label, URL
 * and size, the order of Disco's {@code parse_dir}.
 */
public final class DirSchemeProvider implements SchemeProvider {
    /** For {@link java.util.ServiceLoader}. */
    public DirSchemeProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("dir");
    }

    @Override
    public boolean isIndirect() {
        return true;
    }

    /**
     * The index file's bytes (still gzipped for a {@code .gz} index).
     *
     * @throws DataException naming the {@code dir://} URL when the index cannot be read
     * @throws IllegalArgumentException when the URL is malformed
     */
    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(context, "context");
        DirUrl u = DirUrl.parse(url);
        String index = u.indexUrl(context);
        try {
            return context.resolver().open(index, context);
        } catch (DataException e) {
            throw new DataException(e.detail() + " (index read as " + index + ")", url, e);
        }
    }

    /**
     * The outputs the index lists, filtered by label, sorted.
     *
     * @throws DataException naming the URL and the line when the index is unreadable or malformed
     */
    @Override
    public List<ResolvedInput> expand(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(context, "context");
        DirUrl u = DirUrl.parse(url);
        Optional<Integer> label = u.allLabels() ? Optional.empty() : u.label().or(() -> groupLabel(context));
        List<IndexLine> lines;
        InputLink link = open(url, context);
        try (InputStream raw = link.stream();
                InputStream in = u.isGzipped() ? new GZIPInputStream(raw) : raw) {
            lines = IndexLine.readAll(in, url);
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException("cannot read index: " + e, url, e);
        }
        List<IndexLine> kept = new ArrayList<>();
        for (IndexLine line : lines) {
            if (label.isEmpty() || label.get() == line.label()) {
                kept.add(line);
            }
        }
        kept.sort(Comparator.comparingInt(IndexLine::label).thenComparing(IndexLine::url)
                .thenComparingLong(IndexLine::size));
        List<ResolvedInput> out = new ArrayList<>(kept.size());
        for (IndexLine line : kept) {
            out.add(new ResolvedInput(line.label(), line.size(), List.of(line.url())));
        }
        return out;
    }

    private static Optional<Integer> groupLabel(SchemeContext context) {
        return context.task().map(Task::groupLabel).filter(Integer.class::isInstance).map(Integer.class::cast);
    }

    @Override
    public String toString() {
        return "DirSchemeProvider[dir]";
    }
}
