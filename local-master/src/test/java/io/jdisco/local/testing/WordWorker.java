package io.jdisco.local.testing;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Task;
import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A word-count worker for the local master's tests, steered by its job arguments. Records are
 * {@code [label, "key\tvalue"]} pairs read from {@code raw://} texts (label 0, words separated by commas, one line per
 * {@code |}), or from {@code disco://} files and {@code dir://} indexes of this node (read from
 * disk). Outputs are {@code key\tvalue} lines, written to {@code .partial} files renamed on close.
 *
 * <p>Stages: {@code map} counts each word of each line into label {@code partition(word)};
 * {@code map_shuffle} and {@code shuffle} copy records to the output of their label;
 * {@code reduce}/{@code total} sum the counts per word into the task's group label (0 for "all").
 *
 * <p>Job arguments: {@code partitions} (int, default 1); {@code errorOnce} (fail each task's first
 * attempt with an I/O error after writing a bogus record); {@code hang} (first attempt of map task
 * 0 writes its pid to {@code hang-pid} in the job home, then sleeps); {@code fatal} (a message: throw
 * an IllegalStateException with it); {@code print} (lines to print).
 */
public final class WordWorker extends Worker {
    private static final long serialVersionUID = 1L;

    @Override
    protected void run(Task task, Map<String, Object> jobargs) throws Exception {
        int partitions = ((Number) jobargs.getOrDefault("partitions", 1)).intValue();
        int print = ((Number) jobargs.getOrDefault("print", 0)).intValue();
        for (int i = 0; i < print; i++) {
            System.out.println("line " + i + " of " + print);
        }
        if (jobargs.containsKey("fatal")) {
            throw new IllegalStateException((String) jobargs.get("fatal"));
        }
        if (Boolean.TRUE.equals(jobargs.get("errorOnce")) && firstAttempt(task, "error-" + task.taskid())) {
            output(task, 0).add("bogus", 1000);
            throw new java.io.IOException("deliberate failure of the first attempt of task " + task.taskid());
        }
        String stage = task.stage();
        if (stage.equals("map")) {
            boolean hang = Boolean.TRUE.equals(jobargs.get("hang")) && task.taskid() == 0;
            for (Object rec : input(task, false)) {
                String line = (String) ((List<?>) rec).get(1);
                for (String word : line.split("[ ,]")) {
                    if (!word.isEmpty()) {
                        output(task, Math.floorMod(word.charAt(0), partitions)).add(word, 1);
                    }
                }
                if (hang && firstAttempt(task, "hang")) {
                    Files.writeString(task.jobHome().resolve("hang-pid.partial"), Long.toString(ProcessHandle.current().pid()));
                    Files.move(task.jobHome().resolve("hang-pid.partial"), task.jobHome().resolve("hang-pid"),
                            StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(600_000); // a worker that hangs until it is killed: the behaviour under test
                }
            }
        } else if (stage.equals("map_shuffle") || stage.equals("shuffle")) {
            for (Object rec : input(task, false)) {
                List<?> r = (List<?>) rec;
                String[] kv = ((String) r.get(1)).split("\t", 2);
                output(task, (Integer) r.get(0)).add(kv[0], kv[1]);
            }
        } else {
            Map<String, Long> counts = new TreeMap<>();
            for (Object rec : input(task, false)) {
                String[] kv = ((String) ((List<?>) rec).get(1)).split("\t", 2);
                counts.merge(kv[0], Long.parseLong(kv[1]), Long::sum);
            }
            int label = task.groupLabel() instanceof Integer l ? l : 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                output(task, label).add(e.getKey(), e.getValue());
            }
        }
    }

    /** True exactly once per name and job: the marker file is created atomically. */
    private static boolean firstAttempt(Task task, String name) throws IOException {
        try {
            Files.createFile(task.jobHome().resolve("attempted-" + name));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    @Override
    protected RecordOpener<Object> inputOpener(Task task) {
        return url -> new ListRecords(records(task, url));
    }

    private static List<Object> records(Task task, String url) throws IOException {
        List<Object> out = new ArrayList<>();
        if (url.startsWith("raw://")) {
            for (String line : url.substring("raw://".length()).split("\\|")) {
                out.add(List.of(0, line));
            }
        } else if (url.startsWith("dir://")) {
            Object want = task.grouping().equals("group_node") || task.grouping().equals("group_all")
                    ? null : task.groupLabel();
            for (String line : Files.readAllLines(local(task, url), StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                int label = Integer.parseInt(parts[0]);
                if (want == null || want.equals(label)) {
                    for (String rec : Files.readAllLines(local(task, parts[1]), StandardCharsets.UTF_8)) {
                        out.add(List.of(label, rec));
                    }
                }
            }
        } else {
            for (String rec : Files.readAllLines(local(task, url), StandardCharsets.UTF_8)) {
                out.add(List.of(0, rec));
            }
        }
        return out;
    }

    /** {@code disco://<host>/disco/<rest>} → {@code DISCO_DATA/<rest>}; other hosts cannot be read. */
    private static Path local(Task task, String url) throws DataException {
        String prefix = "://" + task.host() + "/disco/";
        int at = url.indexOf(prefix);
        if (at < 0) {
            throw new DataException("the test worker reads only this node's /disco/ files", url);
        }
        return Path.of(task.discoData()).resolve(url.substring(at + prefix.length()));
    }

    @Override
    protected OutputOpener outputOpener(Task task) {
        return (spec, file) -> new LineWriter(file);
    }

    /** Records from a list. */
    private static final class ListRecords implements RecordReader<Object> {
        private final List<Object> records;
        private int next;

        ListRecords(List<Object> records) {
            this.records = records;
        }

        @Override
        public boolean advance() {
            return next++ < records.size();
        }

        @Override
        public Object current() {
            if (next == 0 || next > records.size()) {
                throw new NoSuchElementException();
            }
            return records.get(next - 1);
        }

        @Override
        public void close() {
        }
    }

    /** {@code key\tvalue} lines in {@code <file>.partial}, renamed to {@code file} on close. */
    private static final class LineWriter implements RecordWriter {
        private final Path file;
        private final Path partial;
        private final Writer out;

        LineWriter(Path file) throws IOException {
            this.file = file;
            this.partial = file.resolveSibling(file.getFileName() + ".partial");
            this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        }

        @Override
        public void add(Object key, Object value) throws IOException {
            out.write(key + "\t" + value + "\n");
        }

        @Override
        public void close() throws IOException {
            out.close();
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
