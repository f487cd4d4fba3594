package io.jdisco.worker.core.protocol.message;

import io.jdisco.worker.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code TASK {...}}: the task description (SPEC §2.4.2), with the twelve keys in the master's order.
 *
 * @param taskid job-wide task number
 * @param master the master's URL
 * @param discoPort {@code DISCO_PORT}
 * @param putPort {@code DDFS_PUT_PORT}
 * @param ddfsData {@code DDFS_DATA}
 * @param discoData {@code DISCO_DATA}
 * @param stage the stage name
 * @param grouping the grouping
 * @param groupLabel the group's label: an {@link Integer} or {@code "all"}
 * @param groupHost the group's host, {@code ""} for none
 * @param jobfile the absolute job file path
 * @param jobname the job name
 * @param host the host this task runs on
 */
public record TaskReply(int taskid, String master, int discoPort, int putPort, String ddfsData, String discoData,
        String stage, String grouping, Object groupLabel, String groupHost, String jobfile, String jobname,
        String host) implements MasterMessage {

    /** Checks the fields. */
    public TaskReply {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(ddfsData, "ddfsData");
        Objects.requireNonNull(discoData, "discoData");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(groupLabel, "groupLabel");
        Objects.requireNonNull(groupHost, "groupHost");
        Objects.requireNonNull(jobfile, "jobfile");
        Objects.requireNonNull(jobname, "jobname");
        Objects.requireNonNull(host, "host");
    }

    /** The {@link Task} this reply describes (with a fresh uid, as Python makes one per run). */
    public Task toTask() {
        return Task.builder().taskid(taskid).master(master).discoPort(discoPort).putPort(putPort)
                .ddfsData(ddfsData).discoData(discoData).stage(stage).grouping(grouping)
                .group(groupLabel, groupHost).jobfile(jobfile).jobname(jobname).host(host).build();
    }

    /** This reply with another job file path (test masters point it at a local job file). */
    public TaskReply withJobfile(String newJobfile) {
        return new TaskReply(taskid, master, discoPort, putPort, ddfsData, discoData, stage, grouping, groupLabel,
                groupHost, newJobfile, jobname, host);
    }

    @Override
    public String name() {
        return "TASK";
    }

    @Override
    public Object body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskid", taskid);
        m.put("master", master);
        m.put("disco_port", discoPort);
        m.put("put_port", putPort);
        m.put("ddfs_data", ddfsData);
        m.put("disco_data", discoData);
        m.put("stage", stage);
        m.put("grouping", grouping);
        m.put("group", List.of(groupLabel, groupHost));
        m.put("jobfile", jobfile);
        m.put("jobname", jobname);
        m.put("host", host);
        return m;
    }
}
