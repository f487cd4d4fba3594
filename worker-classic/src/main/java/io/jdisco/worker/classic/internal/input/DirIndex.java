package io.jdisco.worker.classic.internal.input;

import io.jdisco.worker.DataException;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import java.io.IOException;
import java.util.List;

/**
 * The entries of a {@code dir://} index (SPEC §8.6) as classic task code needs them: the
 * {@code dir} scheme reads, parses and sorts the index ({@link io.jdisco.worker.spi.SchemeResolver#expand}),
 * and this class says which labels to keep. Inside a task the scheme alone would keep only the
 * task's group label (Python's {@code scheme_dir}); the classic stages choose for themselves, as
 * Python's {@code read_index} lets them: a reduce its group label, a map or a shuffle every label.
 * So the choice is always spelled out as the URL's fragment, {@code #<label>} or {@code #all},
 * replacing any fragment the URL had.
 */
public final class DirIndex {
    private DirIndex() {
    }

    /** True for a {@code dir://} URL. */
    public static boolean isIndex(String url) {
        return url.startsWith("dir://");
    }

    /**
     * The entries of the index at {@code url} with label {@code label}, or every entry when
     * {@code label} is {@code null}; sorted by label, URL and size, as Python's {@code parse_dir}.
     *
     * @throws DataException naming the URL when the index is unreadable or malformed
     */
    public static List<ResolvedInput> entries(String url, Integer label, SchemeContext context) throws IOException {
        int hash = url.indexOf('#');
        String index = (hash < 0 ? url : url.substring(0, hash)) + "#" + (label == null ? "all" : label.toString());
        try {
            return context.resolver().expand(index, context);
        } catch (DataException e) {
            if (!index.equals(e.url())) {
                throw e;
            }
            throw new DataException(e.detail(), url, e); // name the input as the task was given it
        }
    }
}
