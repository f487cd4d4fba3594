package io.jdisco.local.internal.coordination;

import io.jdisco.local.internal.pipeline.StageOutput;
import io.jdisco.local.internal.pipeline.TaskRun;
import io.jdisco.worker.core.client.JobEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tasks of one stage as its coordinator tracks them: each task's outputs once done, its
 * number of failed attempts, and the error its worker reported in its last attempt, by which a
 * failure that repeats itself is told from one a re-run may cure. Used by the coordinator's
 * thread only.
 */
final class StageTasks {
    private final List<TaskRun> tasks;
    private final int firstId;
    private final List<List<StageOutput>> outputs;
    private final int[] failures;
    private final String[] lastReported;
    private int done;

    /** The tracking of {@code tasks}, whose ids are consecutive from the first one's. */
    StageTasks(List<TaskRun> tasks) {
        this.tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        this.firstId = tasks.isEmpty() ? 0 : tasks.get(0).taskid();
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).taskid() != firstId + i) {
                throw new IllegalArgumentException("task ids of a stage must be consecutive: " + tasks.get(i).id());
            }
        }
        this.outputs = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            outputs.add(null);
        }
        this.failures = new int[tasks.size()];
        this.lastReported = new String[tasks.size()];
    }

    /** True when every task is done. */
    boolean finished() {
        return done == tasks.size();
    }

    /** The number of the next attempt of {@code task}, from 1. */
    int nextAttempt(TaskRun task) {
        return failures[index(task)] + 1;
    }

    /** Records {@code task} done with {@code out}. */
    void done(TaskRun task, List<StageOutput> out) {
        int i = index(task);
        if (outputs.get(i) == null) {
            outputs.set(i, List.copyOf(out));
            done++;
        }
    }

    /**
     * Records a failed, retryable attempt of {@code task} and returns how many there have been.
     * {@code reported} is the worker's {@code ERROR} text, or null for a crash, a timeout or
     * another failure the master observed.
     */
    int failed(TaskRun task, String reported) {
        int i = index(task);
        lastReported[i] = reported;
        return ++failures[i];
    }

    /**
     * True when the worker of {@code task} reported {@code text} and reported the same error in
     * the attempt before: the same first line (a Java exception and its message) or, for a
     * Python traceback, the same last line, whatever the stack traces say.
     */
    boolean repeats(TaskRun task, String text) {
        String previous = lastReported[index(task)];
        return previous != null && text != null && JobEvent.withoutTrace(previous).equals(JobEvent.withoutTrace(text));
    }

    /** The outputs of the tasks in task order; every task must be done. */
    List<StageOutput> outputs() {
        List<StageOutput> out = new ArrayList<>();
        for (List<StageOutput> o : outputs) {
            out.addAll(Objects.requireNonNull(o, "a task of the stage is not done"));
        }
        return out;
    }

    private int index(TaskRun task) {
        int i = task.taskid() - firstId;
        if (i < 0 || i >= tasks.size() || tasks.get(i) != task) {
            throw new IllegalArgumentException("task " + task.id() + " is not one of this stage's");
        }
        return i;
    }
}
