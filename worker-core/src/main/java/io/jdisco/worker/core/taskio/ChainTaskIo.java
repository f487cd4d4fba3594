package io.jdisco.worker.core.taskio;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.OutputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.ChainContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a task opens its inputs and outputs by default: inputs through an {@link InputChain},
 * outputs through an {@link OutputChain} (SPEC §7.1).
 *
 * <p>The chains are the worker's parameters {@code input_chain} and {@code output_chain} when it
 * sets them, else Disco's defaults: {@code (task_input_stream, chain_reader)} — the scheme
 * registry, then the internal format — and {@code (task_output_stream, disco_output_stream)} —
 * an atomic file, visible only once closed, holding the internal format. Stages see a
 * {@link BasicChainContext} with the task, the worker's {@code params} ({@link Params}), the
 * schemes of {@link Schemes#shared()}, the worker's string parameters as settings, and the
 * worker's status line.
 *
 * <p>Takes the worker's parameters, environment and status line rather than the worker, so that
 * the worker can use it without the two needing each other. Workers with chains per stage (the
 * classic worker) use {@link #inputOpener(InputChain, ChainContext)} and
 * {@link #outputOpener(OutputChain, ChainContext)} directly.
 */
public final class ChainTaskIo {
    /** The worker parameter naming the input chain (an {@link InputChain}). */
    public static final String INPUT_CHAIN = "input_chain";
    /** The worker parameter naming the output chain (an {@link OutputChain}). */
    public static final String OUTPUT_CHAIN = "output_chain";

    private ChainTaskIo() {
    }

    /**
     * Opens the input URLs of {@code task} through the {@value #INPUT_CHAIN} of {@code parameters},
     * else Disco's default input chain, in the {@link #context} of the other arguments.
     *
     * @throws IllegalArgumentException when {@value #INPUT_CHAIN} is set but is not an {@link InputChain}
     */
    @SuppressWarnings("unchecked")
    public static RecordOpener<Object> defaultInputOpener(Task task, Map<String, ?> parameters,
            Map<String, String> environment, Consumer<String> status) {
        InputChain<Object> chain = parameters.get(INPUT_CHAIN) != null
                ? parameter(parameters, INPUT_CHAIN, InputChain.class) : TaskIo.chainStream();
        return inputOpener(chain, context(task, parameters, environment, status));
    }

    /**
     * Opens the outputs of {@code task} through the {@value #OUTPUT_CHAIN} of {@code parameters},
     * else Disco's default output chain, in the {@link #context} of the other arguments.
     *
     * @throws IllegalArgumentException when {@value #OUTPUT_CHAIN} is set but is not an {@link OutputChain}
     */
    public static OutputOpener defaultOutputOpener(Task task, Map<String, ?> parameters,
            Map<String, String> environment, Consumer<String> status) {
        OutputChain chain = parameters.get(OUTPUT_CHAIN) != null
                ? parameter(parameters, OUTPUT_CHAIN, OutputChain.class) : TaskIo.taskOutput();
        return outputOpener(chain, context(task, parameters, environment, status));
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
     * The chain context of {@code task} run by a worker with {@code parameters}: its {@code params}
     * parameter (a fresh {@link Params} when unset), the schemes of {@link Schemes#shared()}, its
     * string parameters as settings, {@code environment} (the worker's) and {@code status} for
     * messages.
     *
     * @throws IllegalArgumentException when {@code params} is set but is not a {@link Params}
     */
    public static BasicChainContext context(Task task, Map<String, ?> parameters, Map<String, String> environment,
            Consumer<String> status) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(parameters, "parameters");
        Object p = parameters.get("params");
        Params params = p == null ? new Params() : parameter(parameters, "params", Params.class);
        return BasicChainContext.of(task, params, Schemes.shared(), stringSettings(parameters), environment, status);
    }

    private static Map<String, String> stringSettings(Map<String, ?> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v instanceof String) {
                out.put(k, (String) v);
            }
        });
        return out;
    }

    private static <T> T parameter(Map<String, ?> parameters, String key, Class<T> type) {
        Object v = parameters.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("worker parameter '" + key + "' must be a " + type.getName() + ", got "
                    + (v == null ? "null" : v.getClass().getName()));
        }
        return type.cast(v);
    }
}
