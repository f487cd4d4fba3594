package io.jdisco.worker.core.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.FailureMessage;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.OutputMessage;
import io.jdisco.worker.core.protocol.message.Replica;
import io.jdisco.worker.core.protocol.message.RetryReply;
import io.jdisco.worker.core.protocol.message.StatusMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed decoding errors and the Python formatting of worker frames. */
class MessageCodecTest {
    private static Frame frame(String name, String body) {
        return new Frame(name, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorAndFatalAreOneTypeWhoseKindIsTheFrameName() throws Exception {
        String trace = "Traceback:\n  caf\u00e9 \"x\"";
        String body = "\"Traceback:\\n  caf\\u00e9 \\\"x\\\"\"";
        assertEquals("ERROR " + body.length() + " " + body + "\n",
                new String(MessageCodec.encode(FailureMessage.error(trace)).encode(), StandardCharsets.UTF_8));
        assertEquals("FATAL " + body.length() + " " + body + "\n",
                new String(MessageCodec.encode(FailureMessage.fatal(trace)).encode(), StandardCharsets.UTF_8));
        assertEquals(FailureMessage.error(trace), MessageCodec.decodeWorker(frame("ERROR", body)));
        assertEquals(new FailureMessage(FailureMessage.Kind.FATAL, trace), MessageCodec.decodeWorker(frame("FATAL", body)));
        assertTrue(FailureMessage.fatal(trace).isFatal() && !FailureMessage.error(trace).isFatal());
    }

    @Test
    void unknownMasterMessageIsNamed() {
        UnknownMessageException e = assertThrows(UnknownMessageException.class,
                () -> MessageCodec.decodeMaster(frame("PONG", "\"ok\"")));
        assertEquals("PONG", e.messageName());
        assertTrue(e.getMessage().contains("'PONG' from the master"), e.getMessage());
    }

    @Test
    void pingIsNotAWorkerMessage() {
        assertThrows(UnknownMessageException.class, () -> MessageCodec.decodeWorker(frame("PING", "\"\"")));
    }

    @Test
    void nonJsonBodyNamesTheMessage() {
        MessageFormatException e = assertThrows(MessageFormatException.class,
                () -> MessageCodec.decodeMaster(frame("OK", "ok")));
        assertTrue(e.getMessage().startsWith("OK from the master: body is not valid JSON"), e.getMessage());
    }

    @Test
    void inputReplyWithBadFlagNamesTheFlag() {
        MessageFormatException e = assertThrows(MessageFormatException.class,
                () -> MessageCodec.decodeMaster(frame("INPUT", "[\"maybe\",[]]")));
        assertTrue(e.getMessage().contains("flag must be"), e.getMessage());
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
    }

    @Test
    void taskReplyWithoutJobfileNamesTheKey() {
        MessageFormatException e = assertThrows(MessageFormatException.class,
                () -> MessageCodec.decodeMaster(frame("TASK", "{\"taskid\":1,\"group\":[0,\"\"]}")));
        assertTrue(e.getMessage().contains("missing key"), e.getMessage());
    }

    @Test
    void workerFramesUsePythonSeparatorsAndAsciiEscapes() {
        Frame f = MessageCodec.encode(new StatusMessage("j\u00f6rg \"x\"\n"));
        assertEquals("\"j\\u00f6rg \\\"x\\\"\\n\"", f.bodyText());
        assertEquals("[0, \"a/b\", 12]", MessageCodec.encode(new OutputMessage(0, "a/b", 12)).bodyText());
        assertEquals("[3, [1, 2]]", MessageCodec.encode(new InputErrRequest(3, List.of(1, 2))).bodyText());
    }

    @Test
    void retryAndFailRepliesDecode() throws Exception {
        assertEquals(new RetryReply(List.of(new Replica(1, "disco://n2/ddfs/x"))),
                MessageCodec.decodeMaster(frame("RETRY", "[[1,\"disco://n2/ddfs/x\"]]")));
        assertEquals(new FailReply(), MessageCodec.decodeMaster(frame("FAIL", "\"\"")));
    }
}
