package io.jdisco.local.internal.pipeline;

import java.util.Objects;

/**
 * One task of a job, as its attempts see it: the numbers and names that go into the {@code TASK}
 * reply and the inputs that answer {@code INPUT}.
 *
 * @param taskid the job-wide task number
 * @param stage the stage name
 * @param grouping the stage's grouping
 * @param groupLabel the group label
 * @param groupHost the group host, {@code ""} for none
 * @param inputs the task's inputs
 */
public record TaskRun(int taskid, String stage, String grouping, int groupLabel, String groupHost,
        InputTable inputs) {
    /** Checks the fields. */
    public TaskRun {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(groupHost, "groupHost");
        Objects.requireNonNull(inputs, "inputs");
    }

    /** {@code <stage>:<taskid>}, as events show it. */
    public String id() {
        return stage + ":" + taskid;
    }
}
