package io.jdisco.testing;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicRecords;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a job run in memory produced: its tasks per stage, their outputs read back as pairs, and
 * their status messages. Outputs are read with {@code chain_reader}, which also reads the old
 * text format of {@code plain_output_stream}.
 */
public final class JobRun {
    private final Map<String, List<InMemoryNode.TaskRun>> tasks;
    private final String lastStage;
    private final List<String> messages;

    JobRun(Map<String, List<InMemoryNode.TaskRun>> tasks, String lastStage, List<String> messages) {
        this.tasks = tasks;
        this.lastStage = lastStage;
        this.messages = List.copyOf(messages);
    }

    /** The tasks of {@code stage} that ran, in order ({@code map}, {@code map_shuffle}, {@code reduce}, ...). */
    public List<InMemoryNode.TaskRun> tasks(String stage) {
        return List.copyOf(tasks.getOrDefault(stage, List.of()));
    }

    /** The stages that ran, in order. */
    public List<String> stages() {
        return List.copyOf(tasks.keySet());
    }

    /**
     * The job's results: the outputs of the last stage (reduce, its shuffle, or the map shuffle of
     * a map-only job), by label, then task. Empty when no task produced anything.
     */
    public List<Tuple> results() {
        List<Tuple> out = new ArrayList<>();
        if (lastStage != null) {
            outputs(lastStage).values().forEach(out::addAll);
        }
        return out;
    }

    /** {@link #results()} sorted by key, then value, in the external sort's key order. */
    public List<Tuple> sortedResults() {
        List<Tuple> out = new ArrayList<>(results());
        out.sort(ClassicRecords.sortOrder());
        return out;
    }

    /** The pairs written by the tasks of {@code stage}, by label (ascending), in task order. */
    public Map<Integer, List<Tuple>> outputs(String stage) {
        Map<Integer, List<Tuple>> out = new TreeMap<>();
        for (InMemoryNode.TaskRun t : tasks(stage)) {
            for (TaskOutput o : t.outputs()) {
                out.computeIfAbsent(o.label(), l -> new ArrayList<>()).addAll(read(o));
            }
        }
        return out;
    }

    /** The pairs of {@code stage}'s outputs with {@code label}. */
    public List<Tuple> outputs(String stage, int label) {
        return outputs(stage).getOrDefault(label, List.of());
    }

    /** The totals of the counters every task incremented, by name. */
    public Map<String, Long> counters() {
        Map<String, Long> totals = new TreeMap<>();
        for (List<InMemoryNode.TaskRun> stage : tasks.values()) {
            for (InMemoryNode.TaskRun t : stage) {
                t.counters().forEach((name, n) -> totals.merge(name, n, Math::addExact));
            }
        }
        return totals;
    }

    /** The status messages of every task, in order. */
    public List<String> messages() {
        return messages;
    }

    /** The records of one output file, as pairs. */
    public static List<Tuple> read(TaskOutput o) {
        List<Tuple> out = new ArrayList<>();
        InputChain<Object> chain = InputChain.of(List.of(), TaskIo.chainReader());
        try (RecordReader<Object> r = chain.open(new InputLink(Files.newInputStream(o.file()), Files.size(o.file()),
                o.file().toString()), OfflineContext.INSTANCE)) {
            while (r.advance()) {
                out.add(ClassicRecords.asPair(r.current()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read output " + o.file(), e);
        }
        return out;
    }

    @Override
    public String toString() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tasks.forEach((s, l) -> counts.put(s, l.size()));
        return "JobRun" + counts;
    }
}
