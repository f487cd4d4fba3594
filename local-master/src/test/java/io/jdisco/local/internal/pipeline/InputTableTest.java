package io.jdisco.local.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.core.protocol.message.FailReply;
import io.jdisco.worker.core.protocol.message.InputErrRequest;
import io.jdisco.worker.core.protocol.message.InputRequest;
import io.jdisco.worker.core.protocol.wire.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTableTest {
    private final InputTable table = new InputTable(List.of(new TaskInput(0, List.of("u0", "u1", "u2")),
            new TaskInput("all", List.of("dir://h/x"))));

    private static String wire(io.jdisco.worker.core.protocol.message.MasterMessage m) {
        return new String(MessageCodec.encode(m).encode(), StandardCharsets.UTF_8);
    }

    @Test
    void excludeAnswersTheOtherInputsWithFlagDone() {
        assertEquals("INPUT 43 [\"done\",[[1,\"ok\",\"all\",[[0,\"dir://h/x\"]]]]]\n",
                wire(table.reply(InputRequest.exclude(List.of(0)))));
    }

    @Test
    void includeOfAnUnknownIdGivesAnEmptyEntry() {
        assertEquals("INPUT 24 [\"done\",[[7,\"ok\",0,[]]]]\n", wire(table.reply(InputRequest.include(List.of(7)))));
    }

    @Test
    void inputErrRetriesTheRestAndMovesFailedReplicasLast() {
        assertEquals("RETRY 19 [[1,\"u1\"],[2,\"u2\"]]\n", wire(table.inputError(new InputErrRequest(0, List.of(0)))));
        assertEquals("RETRY 19 [[2,\"u2\"],[0,\"u0\"]]\n", wire(table.inputError(new InputErrRequest(0, List.of(1)))));
        assertEquals("INPUT 50 [\"done\",[[0,\"ok\",0,[[2,\"u2\"],[0,\"u0\"],[1,\"u1\"]]]]]\n",
                wire(table.reply(InputRequest.include(List.of(0)))));
    }

    @Test
    void inputErrWithEveryReplicaFails() {
        assertEquals(new FailReply(), table.inputError(new InputErrRequest(0, List.of(0, 1, 2))));
        assertEquals("FAIL 2 \"\"\n", wire(new FailReply()));
    }
}
