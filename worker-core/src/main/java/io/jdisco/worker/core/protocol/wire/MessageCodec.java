package io.jdisco.worker.core.protocol.wire;

import io.jdisco.worker.core.json.JsonSyntaxException;
import io.jdisco.worker.core.json.PythonJson;
import io.jdisco.worker.core.protocol.ProtocolException;
import io.jdisco.worker.core.protocol.message.DoneMessage;
import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.FailureMessage;
import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputReply;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.message.MasterMessage;
import io.jdisco.worker.core.protocol.message.OkReply;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.RetryReply;
import io.jdisco.worker.core.protocol.message.StatusMessage;
import io.jdisco.worker.core.protocol.message.TaskReply;
import io.jdisco.worker.core.protocol.message.TaskRequest;
import io.jdisco.worker.core.protocol.message.WaitReply;
import io.jdisco.worker.core.protocol.message.WorkerHello;
import io.jdisco.worker.core.protocol.message.WorkerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns frames into typed messages and back (SPEC §2.2).
 *
 * <p>Worker messages are encoded like the reference worker ({@code json.dumps}: {@code ", "},
 * {@code ": "}, ASCII only), so our frames are byte-identical to Python's; master messages like
 * mochijson2 (compact), for test masters. Decoding checks each body's shape and throws a
 * {@link MessageFormatException} naming the message and the part that is wrong, or an
 * {@link UnknownMessageException} for a name the direction does not have.
 */
public final class MessageCodec {
    /** Names the master accepts from a worker. */
    public static final Set<String> WORKER_NAMES =
            Set.of("WORKER", "TASK", "INPUT", "INPUT_ERR", "MSG", "OUTPUT", "DONE", "ERROR", "FATAL");
    /** Names a master sends. */
    public static final Set<String> MASTER_NAMES = Set.of("OK", "TASK", "INPUT", "RETRY", "FAIL", "WAIT");

    private static final PythonJson DUMPS = PythonJson.dumps();
    private static final PythonJson COMPACT = PythonJson.compact();

    private MessageCodec() {
    }

    /** The frame of a worker message, formatted like Python's {@code json.dumps}. */
    public static Frame encode(WorkerMessage message) {
        return new Frame(message.name(), DUMPS.writeBytes(message.body()));
    }

    /** The frame of a master message, formatted compactly like mochijson2. */
    public static Frame encode(MasterMessage message) {
        return new Frame(message.name(), COMPACT.writeBytes(message.body()));
    }

    /**
     * Decodes a frame the master sent.
     *
     * @throws UnknownMessageException for a name a master never sends
     * @throws MessageFormatException for a body of the wrong shape
     */
    public static MasterMessage decodeMaster(Frame frame) throws ProtocolException {
        String name = frame.name();
        if (!MASTER_NAMES.contains(name)) {
            throw new UnknownMessageException(name, "master", new java.util.TreeSet<>(MASTER_NAMES));
        }
        BodyShape s = new BodyShape(name + " from the master");
        Object body = parse(frame, s);
        switch (name) {
            case "OK":
                return new OkReply(s.string(body, "body"));
            case "TASK":
                return task(s.map(body, "body"), s);
            case "INPUT":
                return inputReply(body, s);
            case "RETRY":
                return new RetryReply(replicas(body, s, "body"));
            case "FAIL":
                return new FailReply();
            default:
                return new WaitReply(s.integer(body, "body"));
        }
    }

    /**
     * Decodes a frame a worker sent (for test masters and transcript checks).
     *
     * @throws UnknownMessageException for a name the master does not accept
     * @throws MessageFormatException for a body of the wrong shape
     */
    public static WorkerMessage decodeWorker(Frame frame) throws ProtocolException {
        String name = frame.name();
        if (!WORKER_NAMES.contains(name)) {
            throw new UnknownMessageException(name, "worker", new java.util.TreeSet<>(WORKER_NAMES));
        }
        BodyShape s = new BodyShape(name + " from the worker");
        Object body = parse(frame, s);
        switch (name) {
            case "WORKER": {
                Map<?, ?> m = s.map(body, "body");
                return new WorkerHello(s.string(s.key(m, "version"), "version"), s.longInteger(s.key(m, "pid"), "pid"));
            }
            case "TASK":
                s.string(body, "body");
                return new TaskRequest();
            case "INPUT":
                return inputRequest(body, s);
            case "INPUT_ERR": {
                List<?> l = s.list(body, 2, "body");
                return new InputErrRequest(s.integer(l.get(0), "input id"), ints(l.get(1), s, "replica ids"));
            }
            case "MSG":
                return new StatusMessage(s.string(body, "body"));
            case "OUTPUT": {
                List<?> l = s.list(body, 3, "body");
                return new OutputMessage(s.integer(l.get(0), "label"), s.string(l.get(1), "location"),
                        s.longInteger(l.get(2), "size"));
            }
            case "DONE":
                return new DoneMessage();
            case "ERROR":
                return FailureMessage.error(s.string(body, "body"));
            default:
                return FailureMessage.fatal(s.string(body, "body"));
        }
    }

    private static Object parse(Frame frame, BodyShape s) throws MessageFormatException {
        try {
            return PythonJson.parse(frame.body());
        } catch (JsonSyntaxException e) {
            throw s.bad("body is not valid JSON (" + e.getMessage() + ")", frame.bodyText());
        }
    }

    private static TaskReply task(Map<?, ?> m, BodyShape s) throws MessageFormatException {
        List<?> group = s.list(s.key(m, "group"), 2, "group");
        Object label = group.get(0);
        if (!(label instanceof Integer) && !"all".equals(label)) {
            throw s.bad("group label must be an integer or \"all\"", label);
        }
        return new TaskReply(s.integer(s.key(m, "taskid"), "taskid"), s.string(s.key(m, "master"), "master"),
                s.integer(s.key(m, "disco_port"), "disco_port"), s.integer(s.key(m, "put_port"), "put_port"),
                s.string(s.key(m, "ddfs_data"), "ddfs_data"), s.string(s.key(m, "disco_data"), "disco_data"),
                s.string(s.key(m, "stage"), "stage"), s.string(s.key(m, "grouping"), "grouping"), label,
                s.string(group.get(1), "group host"), s.string(s.key(m, "jobfile"), "jobfile"),
                s.string(s.key(m, "jobname"), "jobname"), s.string(s.key(m, "host"), "host"));
    }

    private static InputReply inputReply(Object body, BodyShape s) throws MessageFormatException {
        List<?> l = s.list(body, 2, "body [flag, inputs]");
        String flag = s.string(l.get(0), "flag");
        if (!flag.equals("done") && !flag.equals("more")) {
            throw s.bad("flag must be \"done\" or \"more\"", flag);
        }
        List<InputEntry> entries = new ArrayList<>();
        for (Object o : s.list(l.get(1), -1, "inputs")) {
            List<?> e = s.list(o, 4, "input [id, status, label, replicas]");
            Object label = e.get(2);
            if (!(label instanceof Integer) && !"all".equals(label)) {
                throw s.bad("input label must be an integer or \"all\"", label);
            }
            entries.add(new InputEntry(s.integer(e.get(0), "input id"), s.string(e.get(1), "input status"), label,
                    replicas(e.get(3), s, "replicas")));
        }
        return new InputReply(flag.equals("done"), entries);
    }

    private static List<Replica> replicas(Object v, BodyShape s, String what) throws MessageFormatException {
        List<Replica> out = new ArrayList<>();
        for (Object o : s.list(v, -1, what)) {
            List<?> r = s.list(o, 2, "replica [rep_id, url]");
            out.add(new Replica(s.integer(r.get(0), "replica id"), s.string(r.get(1), "replica url")));
        }
        return out;
    }

    private static InputRequest inputRequest(Object body, BodyShape s) throws MessageFormatException {
        if ("".equals(body)) {
            return new InputRequest(InputRequest.Mode.ALL, List.of());
        }
        List<?> l = s.list(body, 2, "body");
        String mode = s.string(l.get(0), "mode");
        List<Integer> ids = ints(l.get(1), s, "ids");
        switch (mode) {
            case "exclude":
                return InputRequest.exclude(ids);
            case "include":
                return InputRequest.include(ids);
            default:
                throw s.bad("mode must be \"exclude\" or \"include\"", mode);
        }
    }

    private static List<Integer> ints(Object v, BodyShape s, String what) throws MessageFormatException {
        List<Integer> out = new ArrayList<>();
        for (Object o : s.list(v, -1, what)) {
            out.add(s.integer(o, what + " element"));
        }
        return out;
    }
}
