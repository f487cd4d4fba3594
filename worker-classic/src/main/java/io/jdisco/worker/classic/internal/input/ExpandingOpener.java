package io.jdisco.worker.classic.internal.input;

import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.spi.ResolvedInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Opens task inputs, reading {@code dir://} index inputs as the records of the outputs they list
 * (SPEC §5.9: the reduce's {@code inputlist(inputs, label=task.group_label)}). Other URLs go
 * straight to the stream chain. Index entries are read in the index's sorted order, one after the
 * other, each through the same chain; with a label only that label's entries are read
 * ({@link DirIndex}).
 *
 * @param <R> the record type
 */
public final class ExpandingOpener<R> implements RecordOpener<R> {
    private final RecordOpener<R> chain;
    private final ChainContext context;
    private final Integer label;

    /** Opens through {@code chain}; {@code label} {@code null} reads every entry of an index. */
    public ExpandingOpener(RecordOpener<R> chain, ChainContext context, Integer label) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.context = Objects.requireNonNull(context, "context");
        this.label = label;
    }

    @Override
    public RecordReader<R> open(String url) throws IOException {
        if (!DirIndex.isIndex(url)) {
            return chain.open(url);
        }
        List<String> urls = new ArrayList<>();
        for (ResolvedInput e : DirIndex.entries(url, label, context)) {
            urls.add(e.replicas().get(0));
        }
        return new Concatenated<>(urls.iterator(), chain);
    }

    /** The records of several URLs, one after the other. */
    private static final class Concatenated<R> implements RecordReader<R> {
        private final Iterator<String> urls;
        private final RecordOpener<R> chain;
        private RecordReader<R> current;
        private boolean has;

        Concatenated(Iterator<String> urls, RecordOpener<R> chain) {
            this.urls = urls;
            this.chain = chain;
        }

        @Override
        public boolean advance() throws IOException {
            has = false;
            while (true) {
                if (current == null) {
                    if (!urls.hasNext()) {
                        return false;
                    }
                    current = chain.open(urls.next());
                }
                if (current.advance()) {
                    has = true;
                    return true;
                }
                current.close();
                current = null;
            }
        }

        @Override
        public R current() {
            if (!has) {
                throw new NoSuchElementException("no current record: call advance() first");
            }
            return current.current();
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                RecordReader<R> c = current;
                current = null;
                c.close();
            }
        }
    }
}
