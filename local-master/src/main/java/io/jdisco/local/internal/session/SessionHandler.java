package io.jdisco.local.internal.session;

import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.local.internal.pipeline.IndexFile;
import io.jdisco.local.internal.pipeline.StageOutput;
import io.jdisco.local.internal.pipeline.TaskRun;
import io.jdisco.local.internal.workers.JobSetup;
import io.jdisco.worker.core.json.JsonSyntaxException;
import io.jdisco.worker.core.json.PythonJson;
import io.jdisco.worker.core.protocol.ProtocolException;
import io.jdisco.worker.core.protocol.message.FailureMessage;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.StatusMessage;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.WorkerHello;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import io.jdisco.worker.core.protocol.wire.Frame;
import io.jdisco.worker.core.protocol.wire.MessageCodec;
import io.jdisco.worker.index.IndexLine;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The master's handling of each worker message ({@code worker_runtime:handle/2}, SPEC §2.2–§2.4):
 * checks the body (not JSON: fatal "Payload is not valid JSON"; unknown name: fatal "Unknown
 * message type"; wrong shape: fatal "Invalid message body"), answers, records outputs in the
 * task's index file, and turns {@code DONE}/{@code ERROR}/{@code FATAL} into the attempt's
 * outcome. Replies are written compactly, like mochijson2. Used by one session thread.
 */
public final class SessionHandler {
    /** A location with a scheme ({@code [A-Za-z0-9+.-]+:}) or a network location ({@code //}) is remote. */
    private static final Pattern REMOTE = Pattern.compile("^([A-Za-z0-9+.\\-]+:|//).*", Pattern.DOTALL);

    private final NodeContext node;
    private final JobSetup job;
    private final TaskRun task;
    private final MsgRateLimiter limiter = new MsgRateLimiter();
    private final List<StageOutput> remote = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private IndexFile index;
    private long pid = -1;

    SessionHandler(NodeContext node, JobSetup job, TaskRun task) {
        this.node = node;
        this.job = job;
        this.task = task;
    }

    /** The pid the worker announced, or -1. */
    long announcedPid() {
        return pid;
    }

    /** Deletes the index file of a failed attempt. */
    void discard() {
        if (index != null) {
            index.discard();
        }
    }

    /**
     * Handles one frame that arrived at {@code arrivalNanos}; replies on {@code out}.
     *
     * @return the attempt's outcome when the frame ends the session, else {@code null}
     */
    AttemptOutcome handle(Frame frame, long arrivalNanos, OutputStream out) {
        Object body;
        try {
            body = PythonJson.parse(frame.body());
        } catch (JsonSyntaxException e) {
            return fatal("Payload is not valid JSON: " + frame);
        }
        if (!MessageCodec.WORKER_NAMES.contains(frame.name())) {
            return fatal("Unknown message type '" + frame.name() + "'");
        }
        if (frame.name().equals("WORKER") && body instanceof Map<?, ?> m) {
            Object version = m.get("version");
            if (version == null) {
                return fatal("No worker version received");
            }
            if (!WorkerHello.VERSION.equals(version)) {
                return fatal("Invalid worker version: " + PythonJson.compact().write(version));
            }
        }
        WorkerMessage message;
        try {
            message = MessageCodec.decodeWorker(frame);
        } catch (ProtocolException e) {
            return fatal("Invalid message body: " + e.getMessage());
        }
        try {
            return dispatch(message, arrivalNanos, out);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // the job is being stopped (another task failed, a kill): NIO then fails with
                // ClosedByInterruptException, which is no failure of this task to log
                return new AttemptOutcome.Stopped("interrupted");
            }
            return new AttemptOutcome.Failed(false, "Error while handling " + frame.name() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptOutcome.Stopped("interrupted");
        }
    }

    private AttemptOutcome dispatch(WorkerMessage message, long arrivalNanos, OutputStream out)
            throws IOException, InterruptedException {
        if (message instanceof WorkerHello hello) {
            pid = hello.pid();
            reply(out, OkReply.ok());
        } else if (message instanceof io.jdisco.worker.core.protocol.message.TaskRequest) {
            reply(out, taskReply());
        } else if (message instanceof InputRequest request) {
            reply(out, task.inputs().reply(request));
        } else if (message instanceof InputErrRequest request) {
            reply(out, task.inputs().inputError(request));
        } else if (message instanceof StatusMessage msg) {
            long verdict = limiter.onMessage(arrivalNanos);
            if (verdict < 0) {
                return fatal(MsgRateLimiter.fatalText(verdict));
            }
            job.events().task(node.layout().host(), "MSG", task.stage(), task.taskid(), msg.text());
            if (verdict > 0) {
                Thread.sleep(verdict);
            }
            reply(out, OkReply.ok());
        } else if (message instanceof OutputMessage output) {
            String failure = record(output);
            if (failure != null) {
                return new AttemptOutcome.Failed(false, failure);
            }
            reply(out, OkReply.ok());
        } else if (message instanceof FailureMessage failed) {
            return failed.isFatal() ? new AttemptOutcome.Failed(true, failed.text())
                    : new AttemptOutcome.Failed(false, failed.text(), true);
        } else {
            return done();
        }
        return null;
    }

    private TaskReply taskReply() {
        NodeLayout layout = node.layout();
        return new TaskReply(task.taskid(), node.masterUrl(), node.port(), node.putPort(), layout.ddfsData().toString(),
                layout.discoData().toString(), task.stage(), task.grouping(), task.groupLabel(), task.groupHost(),
                job.jobfile().toString(), job.name(), layout.host());
    }

    /** SPEC §2.4.6: remote outputs are remembered, local ones go to the index; returns an error text or null. */
    private String record(OutputMessage output) throws IOException {
        String location = output.location();
        if (REMOTE.matcher(location).matches()) {
            remote.add(new StageOutput.Data(output.label(), output.size(), List.of(location)));
            return null;
        }
        if (location.startsWith("/")) {
            return "{invalid_output, \"" + location + "\"}: an OUTPUT location is a URL or a path relative to the job home";
        }
        if (location.chars().anyMatch(Character::isWhitespace)) {
            return "{invalid_output, \"" + location + "\"}: a local OUTPUT location holds no white space (its index"
                    + " line would not read back)";
        }
        if (index == null) {
            index = IndexFile.create(job.jobHome(), task.stage(), task.taskid());
        }
        index.append(new IndexLine(output.label(), node.layout().discoUrl(job.name(), location), output.size()));
        return null;
    }

    /** SPEC §2.4.7: the dir output (if any local output), then the remote outputs newest first. */
    private AttemptOutcome done() throws IOException {
        List<StageOutput> outputs = new ArrayList<>();
        List<IndexLine> local = List.of();
        if (index != null) {
            index.close();
            local = index.lines();
            outputs.add(StageOutput.Dir.of(node.layout().host(), node.layout().dirUrl(job.name(), index.relative()),
                    index.labelSizes()));
        }
        for (int i = remote.size() - 1; i >= 0; i--) {
            outputs.add(remote.get(i));
        }
        job.events().task(node.layout().host(), "DONE", task.stage(), task.taskid(),
                "Task finished in " + elapsed(Duration.ofNanos(System.nanoTime() - startNanos)));
        return new AttemptOutcome.Done(outputs, local);
    }

    private static AttemptOutcome fatal(String text) {
        return new AttemptOutcome.Failed(true, text);
    }

    private static void reply(OutputStream out, MasterMessage message) throws IOException {
        try {
            out.write(MessageCodec.encode(message).encode());
            out.flush();
        } catch (IOException e) {
            // The worker is gone; its end of stream tells the rest.
        }
    }

    /** {@code H:MM:SS.mmm}. */
    public static String elapsed(Duration d) {
        long ms = d.toMillis();
        return String.format("%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
