package io.jdisco.worker.core.output;

import io.jdisco.worker.Task;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outputs of one task, one per label (Python's {@code worker.outputs}): the unlabelled output
 * ({@code null}) and labelled ones, each opened on first use; a labelled one may be followed by
 * {@linkplain #another further outputs of its label} (a shuffle passing on several files).
 *
 * <p>At the end, {@link #send} closes every output and announces it with one {@code OUTPUT} each in
 * ascending label order (the unlabelled one first; a label's further outputs after its first, in
 * the order they were made), then the status text
 * {@code "Results sent to master"}. On failure {@link #discard} deletes the task directory with every
 * partial file, without closing (so without publishing) any output: a failed task leaves no visible
 * output.
 */
public final class TaskOutputs {
    /** The status text sent after the outputs, as the reference worker sends it. */
    public static final String RESULTS_SENT = "Results sent to master";

    private final Task task;
    private final OutputOpener opener;
    private final TreeMap<Integer, Output> outputs = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    /** The further outputs of each label, in the order made. */
    private final Map<Integer, List<Output>> further = new HashMap<>();

    /** The outputs of {@code task}, opened through {@code opener}. */
    public TaskOutputs(Task task, OutputOpener opener) {
        this.task = Objects.requireNonNull(task, "task");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** The output for {@code label} ({@code null}: the unlabelled output), opened on first use. */
    public Output output(Integer label) throws IOException {
        Output o = outputs.get(label);
        if (o == null) {
            o = open(task.output(label));
            outputs.put(label, o);
        }
        return o;
    }

    /** Opens the output {@code spec} names, in the job home, its directory made if missing. */
    private Output open(Task.OutputSpec spec) throws IOException {
        OutputLocations.checkLocal(spec.path());
        Path file = task.jobHome().resolve(spec.path());
        if (!Files.isDirectory(file.getParent())) { // a stat: the task's directory exists already
            Files.createDirectories(file.getParent());
        }
        return new Output(spec, file, opener.open(spec, file));
    }

    /**
     * A further output of {@code label}, after its first ({@link #output}, opened here if it is
     * not yet): the file {@code <first's path>-<n>} for the n-th, announced with the label like
     * the first. A reader of the label reads them all, in order, as it would one file of their
     * bytes one after another: a shuffle stage passes on a label's big files this way, each
     * linked, instead of copying them into one. The unlabelled output has none: it is one file.
     */
    public Output another(int label) throws IOException {
        Output first = output(label);
        List<Output> more = further.computeIfAbsent(label, l -> new ArrayList<>());
        Output o = open(new Task.OutputSpec(first.path() + "-" + (more.size() + 1), first.type(), label));
        more.add(o);
        return o;
    }

    /** The first output of each label opened so far, by label (read-only). */
    public Map<Integer, Output> outputs() {
        return java.util.Collections.unmodifiableMap(outputs);
    }

    /** Closes every output, sends one {@code OUTPUT} per output, then {@code "Results sent to master"}. */
    public void send(OutputReporter reporter) throws IOException {
        Objects.requireNonNull(reporter, "reporter");
        List<Output> all = new ArrayList<>();
        for (Map.Entry<Integer, Output> e : outputs.entrySet()) {
            all.add(e.getValue());
            all.addAll(further.getOrDefault(e.getKey(), List.of()));
        }
        for (Output o : all) {
            o.close();
        }
        for (Output o : all) {
            reporter.output(o.label(), o.path(), o.size());
        }
        reporter.status(RESULTS_SENT);
    }

    /** Deletes the task directory and everything in it; outputs are not closed. */
    public void discard() throws IOException {
        Path dir = task.jobHome().resolve(task.taskpath());
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                deleteIfPresent(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                deleteIfPresent(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfPresent(Path p) throws IOException {
        try {
            Files.deleteIfExists(p);
        } catch (NoSuchFileException ignored) {
            // already gone: nothing to discard
        }
    }
}
