package io.jdisco.worker.core.client;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Params;
import io.jdisco.worker.core.input.RecordInput;
import io.jdisco.worker.core.input.ReplicaListReader;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.BasicChainContext;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeResolver;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The records of a job's results: the seed's {@code result_iterator} (SPEC §11.2).
 *
 * <p>Each result is a list of replica URLs. Index ({@code dir://}) and tag ({@code tag://})
 * results are expanded through the scheme registry into the inputs they list, every label; each
 * input is then read through the input chain (by default {@code task_input_stream} +
 * {@code chain_reader}: Disco's internal format), failing over between its replicas and resuming
 * where a failed replica stopped. Single-pass; index files are read as the reading reaches them.
 *
 * @param <R> the record type the chain yields
 */
public final class ResultReader<R> extends RecordInput<R> {
    private final Deque<List<String>> results;
    private final Deque<List<String>> inputs = new ArrayDeque<>();
    private final InputChain<R> chain;
    private final ChainContext context;
    private ReplicaListReader<R> reader;
    private R current;
    private boolean has;

    private ResultReader(List<List<String>> results, InputChain<R> chain, ChainContext context) {
        this.results = new ArrayDeque<>(results);
        this.chain = chain;
        this.context = context;
    }

    /**
     * The records of {@code results} in Disco's internal format, through the schemes on the class
     * path ({@link Schemes#shared()}).
     */
    public static ResultReader<Object> open(List<List<String>> results) {
        return open(results, TaskIo.chainStream(), BasicChainContext.outsideTask(new Params(), Schemes.shared(),
                Map.of(), text -> { }));
    }

    /** The records of {@code results} read through {@code chain} in {@code context}. */
    public static <R> ResultReader<R> open(List<List<String>> results, InputChain<R> chain, ChainContext context) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(context, "context");
        for (List<String> r : results) {
            if (r == null || r.isEmpty()) {
                throw new IllegalArgumentException("every result needs at least one replica URL, got " + results);
            }
        }
        return new ResultReader<>(List.copyOf(results), chain, context);
    }

    @Override
    public boolean advance() throws IOException {
        has = false;
        while (true) {
            if (reader == null) {
                List<String> next = nextInput();
                if (next == null) {
                    return false;
                }
                reader = new ReplicaListReader<>(next, url -> chain.open(url, context));
            }
            if (reader.advance()) {
                current = reader.current();
                has = true;
                return true;
            }
            reader.close();
            reader = null;
        }
    }

    /** The next input's replicas, expanding index and tag results as they come. */
    private List<String> nextInput() throws IOException {
        SchemeResolver resolver = context.resolver();
        while (inputs.isEmpty()) {
            List<String> result = results.poll();
            if (result == null) {
                return null;
            }
            if (result.stream().allMatch(resolver::isIndirect)) {
                for (ResolvedInput in : resolver.expand(result.get(0), context)) {
                    inputs.add(in.replicas());
                }
            } else {
                inputs.add(new ArrayList<>(result));
            }
        }
        return inputs.poll();
    }

    @Override
    public R current() {
        if (!has) {
            throw new NoSuchElementException("no current result record: call advance() first");
        }
        return current;
    }

    /**
     * The URL being read — of the current record, or of the input whose reading just failed — or
     * {@code null} before the first input is opened: what an error about a record names.
     */
    public String url() {
        ReplicaListReader<R> r = reader;
        return r == null ? null : r.url();
    }

    /**
     * The index, from 0, of the current record in its input ({@link #url()}); after a failed
     * {@link #advance()}, the index of the record that could not be read.
     */
    public long recordIndex() {
        ReplicaListReader<R> r = reader;
        return r == null ? 0 : has ? r.delivered() - 1 : r.delivered();
    }

    @Override
    public void close() throws IOException {
        RecordReader<R> r = reader;
        reader = null;
        results.clear();
        inputs.clear();
        if (r != null) {
            r.close();
        }
    }

    @Override
    public String toString() {
        return "ResultReader[" + chain + "]";
    }
}
