package io.jdisco.worker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The task a worker runs, as the master describes it in its {@code TASK} reply (SPEC §2.4.2),
 * with the derived names and paths of Python's {@code disco.task.Task} (SPEC §4.2).
 *
 * <p>Reproducing the derived paths exactly keeps output files, index lines and {@code disco://}
 * URLs where a Disco master and Python tools expect them. Paths returned as strings are relative
 * to the job home; {@link #jobHome()} is the job home itself (the directory of the job file, the
 * worker's working directory). Immutable.
 */
public final class Task {
    private final int taskid;
    private final String master;
    private final int discoPort;
    private final int putPort;
    private final String ddfsData;
    private final String discoData;
    private final String stage;
    private final String grouping;
    private final Object groupLabel;
    private final String groupHost;
    private final String jobfile;
    private final String jobname;
    private final String host;
    private final String uid;

    private Task(Builder b) {
        this.taskid = b.taskid;
        this.master = Objects.requireNonNull(b.master, "master");
        this.discoPort = b.discoPort;
        this.putPort = b.putPort;
        this.ddfsData = Objects.requireNonNull(b.ddfsData, "ddfsData");
        this.discoData = Objects.requireNonNull(b.discoData, "discoData");
        this.stage = Objects.requireNonNull(b.stage, "stage");
        this.grouping = Objects.requireNonNull(b.grouping, "grouping");
        this.groupLabel = Objects.requireNonNull(b.groupLabel, "groupLabel");
        if (!(groupLabel instanceof Integer) && !"all".equals(groupLabel)) {
            throw new IllegalArgumentException("group label must be an integer or \"all\", got " + groupLabel);
        }
        this.groupHost = Objects.requireNonNull(b.groupHost, "groupHost");
        this.jobfile = Objects.requireNonNull(b.jobfile, "jobfile");
        this.jobname = Objects.requireNonNull(b.jobname, "jobname");
        this.host = Objects.requireNonNull(b.host, "host");
        this.uid = b.uid != null ? b.uid : makeUid(stage, group(), taskid);
    }

    /** A builder; every field but {@code uid} is required. */
    public static Builder builder() {
        return new Builder();
    }

    private static String makeUid(String stage, String group, int taskid) {
        String stamp = Double.toString(System.currentTimeMillis() / 1000.0) + System.nanoTime();
        return stage + ":" + DiscoNames.safe(group) + "-" + taskid + "-" + DiscoNames.hexhash(stamp)
                + "-" + ProcessHandle.current().pid();
    }

    /** Job-wide task number (sequential over all stages, from 0). */
    public int taskid() {
        return taskid;
    }

    /** The master's URL, e.g. {@code http://master:8989}. */
    public String master() {
        return master;
    }

    /** The port of the nodes' HTTP data servers ({@code DISCO_PORT}). */
    public int discoPort() {
        return discoPort;
    }

    /** The DDFS upload port ({@code DDFS_PUT_PORT}). */
    public int putPort() {
        return putPort;
    }

    /** The node's DDFS data root ({@code DDFS_DATA}), absolute. */
    public String ddfsData() {
        return ddfsData;
    }

    /** The node's Disco data root ({@code DISCO_DATA}), absolute. */
    public String discoData() {
        return discoData;
    }

    /** The pipeline stage: {@code map}, {@code map_shuffle}, {@code reduce}, ... */
    public String stage() {
        return stage;
    }

    /** The grouping: {@code split}, {@code group_label}, {@code group_node}, ... */
    public String grouping() {
        return grouping;
    }

    /** The label of the task's group: an {@link Integer}, or the string {@code "all"}. */
    public Object groupLabel() {
        return groupLabel;
    }

    /** The host of the task's group; empty when the grouping assigned none. */
    public String groupHost() {
        return groupHost;
    }

    /** {@code "<label>-<host>"}, e.g. {@code "0-node1"} or {@code "3-"}. */
    public String group() {
        return groupLabel + "-" + groupHost;
    }

    /** The absolute path of the job file (the complete job pack). */
    public String jobfile() {
        return jobfile;
    }

    /** The job's unique name, e.g. {@code WordCount@5a2:1b3c4:9d2e1}. */
    public String jobname() {
        return jobname;
    }

    /** The host this task runs on (may differ from {@link #groupHost()} after a re-run). */
    public String host() {
        return host;
    }

    /** {@code <stage>:<safe(group)>-<taskid>-<hexhash>-<pid>}: unique per task run. */
    public String uid() {
        return uid;
    }

    /** {@code <hexhash(uid)>/<uid>}: the task's directory, relative to the job home. */
    public String taskpath() {
        return DiscoNames.hexhash(uid) + "/" + uid;
    }

    /** {@code <host>/<hexhash(jobname)>/<jobname>}: the job home, relative to {@code DISCO_DATA}. */
    public String jobpath() {
        return host + "/" + DiscoNames.hexhash(jobname) + "/" + jobname;
    }

    /** The job home: the directory that holds the job file; the worker's working directory. */
    public Path jobHome() {
        Path parent = Path.of(jobfile).toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("/");
    }

    /** {@code <taskpath>/<name>}, relative to the job home. */
    public String path(String name) {
        Objects.requireNonNull(name, "name");
        return taskpath() + "/" + name;
    }

    /** The absolute local path of {@link #path(String) path(name)}. */
    public Path localPath(String name) {
        return jobHome().resolve(path(name));
    }

    /** {@code "<stage>-<group>-<label>"}: the file name of the output for {@code label}. */
    public String outputFilename(int label) {
        return stage + "-" + group() + "-" + label;
    }

    /** {@code path(outputFilename(label))}, relative to the job home. */
    public String outputPath(int label) {
        return path(outputFilename(label));
    }

    /**
     * Where the output for {@code label} goes: label {@code null} is the task's single unlabelled
     * output {@code (path(uid), "disco", 0)}; otherwise {@code (outputPath(label), "part", label)}.
     */
    public OutputSpec output(Integer label) {
        if (label == null) {
            return new OutputSpec(path(uid), "disco", 0);
        }
        return new OutputSpec(outputPath(label), "part", label);
    }

    /** {@code <scheme>://<host>/disco/<jobpath>/<taskpath>/<name>}: how other nodes reach a task file. */
    public String url(String name, String scheme) {
        Objects.requireNonNull(scheme, "scheme");
        return scheme + "://" + host + "/disco/" + jobpath() + "/" + path(name);
    }

    /** {@link #url(String, String) url(name, "disco")}. */
    public String url(String name) {
        return url(name, "disco");
    }

    @Override
    public String toString() {
        return "Task[" + stage + ":" + taskid + " of " + jobname + " on " + host + ", group " + group() + "]";
    }

    /**
     * An output location: a path relative to the job home, the type ({@code disco} for the
     * unlabelled output, {@code part} for a labelled one) and the label sent in {@code OUTPUT}.
     */
    public static final class OutputSpec {
        private final String path;
        private final String type;
        private final int label;

        /** An output location; {@code label} must be non-negative. */
        public OutputSpec(String path, String type, int label) {
            this.path = Objects.requireNonNull(path, "path");
            this.type = Objects.requireNonNull(type, "type");
            if (label < 0) {
                throw new IllegalArgumentException("label must be >= 0, got " + label);
            }
            this.label = label;
        }

        /** The path relative to the job home. */
        public String path() {
            return path;
        }

        /** {@code disco} or {@code part}. */
        public String type() {
            return type;
        }

        /** The label. */
        public int label() {
            return label;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof OutputSpec)) {
                return false;
            }
            OutputSpec s = (OutputSpec) o;
            return path.equals(s.path) && type.equals(s.type) && label == s.label;
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, type, label);
        }

        @Override
        public String toString() {
            return "(" + path + ", " + type + ", " + label + ")";
        }
    }

    /** Builds a {@link Task}; see the accessors of {@code Task} for each field's meaning. */
    public static final class Builder {
        private int taskid;
        private String master;
        private int discoPort = 8989;
        private int putPort = 8990;
        private String ddfsData;
        private String discoData;
        private String stage;
        private String grouping;
        private Object groupLabel;
        private String groupHost;
        private String jobfile;
        private String jobname;
        private String host;
        private String uid;

        private Builder() {
        }

        /** Sets the task id. */
        public Builder taskid(int v) {
            this.taskid = v;
            return this;
        }

        /** Sets the master URL. */
        public Builder master(String v) {
            this.master = v;
            return this;
        }

        /** Sets {@code DISCO_PORT}. */
        public Builder discoPort(int v) {
            this.discoPort = v;
            return this;
        }

        /** Sets {@code DDFS_PUT_PORT}. */
        public Builder putPort(int v) {
            this.putPort = v;
            return this;
        }

        /** Sets {@code DDFS_DATA}. */
        public Builder ddfsData(String v) {
            this.ddfsData = v;
            return this;
        }

        /** Sets {@code DISCO_DATA}. */
        public Builder discoData(String v) {
            this.discoData = v;
            return this;
        }

        /** Sets the stage name. */
        public Builder stage(String v) {
            this.stage = v;
            return this;
        }

        /** Sets the grouping. */
        public Builder grouping(String v) {
            this.grouping = v;
            return this;
        }

        /** Sets the group: an integer label (or {@code "all"}) and a host ({@code ""} for none). */
        public Builder group(Object label, String host) {
            this.groupLabel = label;
            this.groupHost = host;
            return this;
        }

        /** Sets the absolute job file path. */
        public Builder jobfile(String v) {
            this.jobfile = v;
            return this;
        }

        /** Sets the job name. */
        public Builder jobname(String v) {
            this.jobname = v;
            return this;
        }

        /** Sets the host this task runs on. */
        public Builder host(String v) {
            this.host = v;
            return this;
        }

        /** Sets the uid; when not set, a fresh one is made as Python does. */
        public Builder uid(String v) {
            this.uid = v;
            return this;
        }

        /** Builds the task; {@code NullPointerException} names a missing field. */
        public Task build() {
            return new Task(this);
        }
    }
}
