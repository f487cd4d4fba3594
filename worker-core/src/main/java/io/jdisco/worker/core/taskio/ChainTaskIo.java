package io.jdisco.worker.core.taskio;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.OutputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.TaskIoProvider;
import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.ChainContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in {@link TaskIoProvider}, used when no other is on the class path: task inputs open
 * through an {@link InputChain}, outputs through an {@link OutputChain} (SPEC §7.1).
 *
 * <p>The chains are the worker's parameters {@code input_chain} and {@code output_chain} when it
 * sets them, else Disco's defaults: {@code (task_input_stream, chain_reader)} — the scheme
 * registry, then the internal format — and {@code (task_output_stream, disco_output_stream)} —
 * an atomic file, visible only once closed, holding the internal format. Stages see a
 * {@link BasicChainContext} with the task, the worker's {@code params} ({@link Params}), the
 * schemes found by {@link Schemes#load()}, the worker's string parameters as settings, and the
 * worker's status line.
 *
 * <p>Workers with chains per stage (the classic worker) use the static methods directly.
 */
public final class ChainTaskIo implements TaskIoProvider {
    /** The worker parameter naming the input chain (an {@link InputChain}). */
    public static final String INPUT_CHAIN = "input_chain";
    /** The worker parameter naming the output chain (an {@link OutputChain}). */
    public static final String OUTPUT_CHAIN = "output_chain";

    /** The provider; stateless. */
    public ChainTaskIo() {
    }

    @Override
    @SuppressWarnings("unchecked")
    public RecordOpener<Object> inputOpener(Task task, Worker worker) {
        InputChain<Object> chain = worker.get(INPUT_CHAIN) != null
                ? parameter(worker, INPUT_CHAIN, InputChain.class) : TaskIo.chainStream();
        return inputOpener(chain, context(task, worker));
    }

    @Override
    public OutputOpener outputOpener(Task task, Worker worker) {
        OutputChain chain = worker.get(OUTPUT_CHAIN) != null
                ? parameter(worker, OUTPUT_CHAIN, OutputChain.class) : TaskIo.taskOutput();
        return outputOpener(chain, context(task, worker));
    }

    /** Opens each URL through {@code chain} with {@code context}. */
    public static <R> RecordOpener<R> inputOpener(InputChain<R> chain, ChainContext context) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(context, "context");
        return url -> chain.open(url, context);
    }

    /**
     * Opens each output through {@code chain}, starting from the output's absolute local path; with
     * a first stage {@link TaskIo#taskOutputStream()} the file appears only when the writer closes.
     */
    public static OutputOpener outputOpener(OutputChain chain, ChainContext context) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(context, "context");
        return (spec, file) -> chain.open(file.toString(), context);
    }

    /**
     * The chain context of {@code task} run by {@code worker}: its {@code params} parameter (a
     * fresh {@link Params} when unset), the schemes of {@link Schemes#load()}, its string parameters
     * as settings, {@link Worker#environment()} as the environment, and {@link Worker#status} for
     * messages.
     */
    public static BasicChainContext context(Task task, Worker worker) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(worker, "worker");
        Object p = worker.get("params");
        Params params = p == null ? new Params() : parameter(worker, "params", Params.class);
        return BasicChainContext.of(task, params, Schemes.load(), stringSettings(worker.parameters()),
                worker.environment(), worker::status);
    }

    private static Map<String, String> stringSettings(Map<String, Object> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v instanceof String) {
                out.put(k, (String) v);
            }
        });
        return out;
    }

    private static <T> T parameter(Worker worker, String key, Class<T> type) {
        Object v = worker.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("worker parameter '" + key + "' must be a " + type.getName() + ", got "
                    + (v == null ? "null" : v.getClass().getName()));
        }
        return type.cast(v);
    }
}
