package io.jdisco.worker.core.testing;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.io.RecordReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test worker steered by its job arguments: reads every input record ({@code merged}), prints
 * {@code print} lines to {@code System.out}, sends {@code status} (formatted with the record count),
 * writes one record to the output of each of {@code labels} ({@code null}: the unlabelled output),
 * then fails if {@code fail} is {@code "data"} or {@code "bug"}.
 *
 * <p>Inputs: {@code raw://a,b} URLs, or URLs registered in {@link #SERVED} (in-process tests).
 */
public final class ScriptWorker extends Worker {
    private static final long serialVersionUID = 1L;

    /** URL → records, for in-process tests. */
    public static final Map<String, List<Object>> SERVED = new ConcurrentHashMap<>();

    @Override
    protected void run(Task task, Map<String, Object> jobargs) throws Exception {
        long n = 0;
        for (Object ignored : input(task, Boolean.TRUE.equals(jobargs.get("merged")))) {
            n++;
        }
        int print = ((Number) jobargs.getOrDefault("print", 0)).intValue();
        for (int i = 0; i < print; i++) {
            System.out.println("line " + i + " of the flood");
        }
        Object status = jobargs.get("status");
        if (status != null) {
            status(String.format((String) status, n));
        }
        for (Object label : (List<?>) jobargs.getOrDefault("labels", List.of())) {
            output(task, (Integer) label).add("records", n);
        }
        if (Boolean.TRUE.equals(jobargs.get("count"))) {
            count("records", n);
        }
        if ("data".equals(jobargs.get("fail"))) {
            throw new DataException("deliberate data failure", "raw://x");
        }
        if ("bug".equals(jobargs.get("fail"))) {
            throw new IllegalStateException("deliberate failure for the test");
        }
    }

    @Override
    protected RecordOpener<Object> inputOpener(Task task) {
        return url -> {
            List<Object> served = SERVED.get(url);
            if (served != null) {
                return new ListReader<>(url, served, -1);
            }
            RecordReader<Object> r = RawOpener.open(url);
            return r;
        };
    }

    @Override
    protected OutputOpener outputOpener(Task task) {
        return (spec, file) -> new LineWriter(file);
    }
}
