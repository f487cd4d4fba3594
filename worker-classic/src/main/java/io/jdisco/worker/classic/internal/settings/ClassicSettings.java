package io.jdisco.worker.classic.internal.settings;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.OutputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.classic.Partitioners;
import io.jdisco.worker.Params;
import io.jdisco.worker.fn.CombinerFunction;
import io.jdisco.worker.fn.InitFunction;
import io.jdisco.worker.fn.PartitionFunction;
import io.jdisco.worker.io.InputStage;
import io.jdisco.worker.io.ReaderStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed view of the classic worker's resolved parameters (SPEC §5.1), checking each value's
 * type once and naming the parameter when it is wrong.
 */
public final class ClassicSettings {
    private final Map<String, Object> p;

    /** A view of {@code parameters} (the worker's, after resolution). */
    public ClassicSettings(Map<String, Object> parameters) {
        this.p = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Puts the classic parameters' defaults (SPEC §5.1) into {@code d}, beside the typed reading of
     * the same parameters so that names and defaults are listed once. A job that sets none of them
     * behaves as a Python classic job with the same (empty) settings.
     */
    public static void putDefaults(Map<String, Object> d) {
        d.put("map", null);
        d.put("map_init", null);
        d.put("map_reader", null);
        d.put("map_input_stream", List.of(TaskIo.taskInputStream()));
        d.put("map_output_stream", TaskIo.taskOutput());
        d.put("combiner", null);
        d.put("partition", Partitioners.md5());
        d.put("partitions", 1);
        d.put("merge_partitions", false);
        d.put("reduce", null);
        d.put("reduce_init", null);
        d.put("reduce_reader", TaskIo.chainReader());
        d.put("reduce_input_stream", List.of(TaskIo.taskInputStream()));
        d.put("reduce_output_stream", TaskIo.taskOutput());
        d.put("reduce_shuffle", false);
        d.put("sort", false);
        d.put("sort_buffer_size", "10%");
        d.put("params", new Params());
        d.put("status_interval", 100000);
        d.put("save", false);
    }

    /** The raw value of {@code key}, or {@code null}. */
    public Object raw(String key) {
        return p.get(key);
    }

    /** {@code key} as a {@code type}, {@code null} allowed. */
    public <T> T get(String key, Class<T> type) {
        Object v = p.get(key);
        if (v != null && !type.isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + key + "' must be a " + type.getSimpleName() + ", got "
                    + v.getClass().getName() + " (" + v + ")");
        }
        return type.cast(v);
    }

    /** Python's {@code bool(self[key])}. */
    public boolean flag(String key) {
        return Truthiness.isTrue(p.get(key));
    }

    /** {@code partitions}: the number of labels, 0 for non-partitioned output ({@code None} or 0). */
    public int partitions() {
        return partitions(p.get("partitions"));
    }

    /**
     * A {@code partitions} value as a number of labels, 0 for non-partitioned output ({@code None},
     * {@code False} or 0).
     *
     * @throws IllegalArgumentException when {@code v} is not a number, null or false, or is negative
     */
    public static int partitions(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return 0;
        }
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("parameter 'partitions' must be a number or null, got " + v);
        }
        int n = ((Number) v).intValue();
        if (n < 0) {
            throw new IllegalArgumentException("parameter 'partitions' must be >= 0, got " + n);
        }
        return n;
    }

    /** {@code status_interval}: 0 disables the periodic status line. */
    public long statusInterval() {
        Object v = p.get("status_interval");
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("parameter 'status_interval' must be a number, got " + v);
        }
        return Math.max(0, ((Number) v).longValue());
    }

    /** {@code params}: the task's own copy (a fresh {@link Params} when unset). */
    public Params params() {
        Params v = get("params", Params.class);
        return v == null ? new Params() : v;
    }

    /** {@code partition}, by default the MD5 partition. */
    public PartitionFunction partition() {
        PartitionFunction f = get("partition", PartitionFunction.class);
        return f == null ? io.jdisco.worker.classic.Partitioners.md5() : f;
    }

    /** {@code combiner}, or {@code null}. */
    public CombinerFunction combiner() {
        return get("combiner", CombinerFunction.class);
    }

    /** {@code map_init} or {@code reduce_init}, or {@code null} (the seed's no-op {@code init}). */
    @SuppressWarnings("unchecked")
    public InitFunction<Object> init(String key) {
        return get(key, InitFunction.class);
    }

    /**
     * The input chain {@code <stage>_input_stream} + {@code <stage>_reader}: without a reader the
     * records are the lines of the last stream, as {@code Bytes} with their {@code \n}.
     */
    @SuppressWarnings("unchecked")
    public InputChain<Object> inputChain(String stage) {
        Object streams = p.get(stage + "_input_stream");
        List<InputStage> stages = new ArrayList<>();
        if (!(streams instanceof List)) {
            throw new IllegalArgumentException("parameter '" + stage + "_input_stream' must be a list of "
                    + InputStage.class.getName() + ", got " + streams);
        }
        for (Object o : (List<?>) streams) {
            if (!(o instanceof InputStage)) {
                throw new IllegalArgumentException("parameter '" + stage + "_input_stream' holds " + o
                        + ", which is not an " + InputStage.class.getName());
            }
            stages.add((InputStage) o);
        }
        ReaderStage<Object> reader = get(stage + "_reader", ReaderStage.class);
        if (reader == null) {
            return (InputChain<Object>) (InputChain<?>) InputChain.of(stages.toArray(new InputStage[0]));
        }
        return InputChain.of(stages, reader);
    }

    /** The output chain {@code <stage>_output_stream}. */
    public OutputChain outputChain(String stage) {
        OutputChain c = get(stage + "_output_stream", OutputChain.class);
        if (c == null) {
            throw new IllegalArgumentException("parameter '" + stage + "_output_stream' is not set");
        }
        return c;
    }
}
