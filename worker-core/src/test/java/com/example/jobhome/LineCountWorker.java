package com.example.jobhome;

import io.jdisco.worker.Task;
import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A user's worker outside the jdisco packages, as a job author would write it: counts the
 * {@code raw://} inputs' comma-separated items through a {@link Shouter} helper and writes one
 * line per item. Its classes are not part of the jdisco runtime, so they reach the node only if
 * the job home carries them.
 */
public final class LineCountWorker extends Worker {
    private static final long serialVersionUID = 1L;

    public LineCountWorker() {
        super(Map.of("prefix", "LineCount"));
    }

    /** A minimal classic jobdict: a map-only job over the {@code input} parameter. */
    @Override
    public Map<String, Object> jobdict(Map<String, ?> job, Map<String, ?> jobargs) {
        Map<String, Object> d = super.jobdict(job, jobargs);
        d.put("input", getItem("input", job, jobargs, List.of()));
        d.put("map?", true);
        d.put("reduce?", false);
        d.put("nr_reduces", 1);
        return d;
    }

    @Override
    protected void run(Task task, Map<String, Object> jobargs) throws Exception {
        RecordWriter out = output(task, 0).writer();
        for (Object item : input(task, false)) {
            out.add(Shouter.shout((String) item), 1L);
        }
    }

    @Override
    protected RecordOpener<Object> inputOpener(Task task) {
        return url -> new RecordReader<>() {
            private final String[] items = url.substring("raw://".length()).split(",");
            private int next = -1;

            @Override
            public boolean advance() {
                return ++next < items.length;
            }

            @Override
            public Object current() {
                return items[next];
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    protected OutputOpener outputOpener(Task task) {
        return (spec, file) -> {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.createDirectories(file.getParent());
            Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
            return new RecordWriter() {
                @Override
                public void add(Object key, Object value) throws IOException {
                    w.write(key + "\t" + value + "\n");
                }

                @Override
                public void close() throws IOException {
                    w.close();
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                }
            };
        };
    }
}
